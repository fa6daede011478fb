using Wolverine.Marten;
using Contract = Wijkengids.Workshops.Contracts;

namespace Wijkengids.Workshops.Bookings;

/// <summary>A funder grants an amount (at most the requested amount) or refuses with a reason; once per request. The event carries the amount and the note.</summary>
public sealed record DecideCoFinancing(Guid BookingId, bool Grant, decimal? Amount, string? Reason, long? ExpectedVersion) : ICommand<Unit>;

internal sealed class DecideCoFinancingValidator : AbstractValidator<DecideCoFinancing>
{
    public DecideCoFinancingValidator()
    {
        When(x => x.Grant, () => RuleFor(x => x.Amount).NotNull().WithMessage("Vul het toe te kennen bedrag in.")
            .GreaterThan(0).WithMessage("Het toegekende bedrag moet groter dan € 0 zijn."));
        When(x => !x.Grant, () => RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef een reden voor het afwijzen."));
        RuleFor(x => x.Reason).MaximumLength(1000).WithMessage("De reden mag hoogstens 1000 tekens hebben.");
    }
}

internal sealed class DecideCoFinancingHandler(IDocumentSession session, IMartenOutbox outbox, IRequestContext context, BookingSteps steps)
    : IRequestHandler<DecideCoFinancing, Unit>
{
    public async Task<Unit> Handle(DecideCoFinancing request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.BookingId, request.ExpectedVersion, cancellationToken);
        var decision = stream.Aggregate!.DecideCoFinancing(request.Grant, request.Amount, request.Reason, steps.Now);
        var (requested, amount, reason, at) = decision switch
        {
            CoFinancingGranted g => (g.Requested, (decimal?)g.Amount, g.Reason, g.DecidedAt!.Value),
            CoFinancingRefused r => (r.Requested, null, r.Reason, r.DecidedAt!.Value),
            _ => throw new InvalidOperationException(decision.GetType().Name),
        };
        session.Stamp(context, reason);
        stream.AppendOne(decision);
        var view = await steps.ViewAsync(request.BookingId, cancellationToken);
        await outbox.PublishAsync(new Contract.CoFinancingDecided(view.Id, request.Grant, requested, amount, reason,
            view.ContactName, view.ContactEmail, view.StatusUrl, at));
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder funders) =>
        funders.MapPost("/bookings/{id:guid}/co-financing", async (Guid id, DecideBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DecideCoFinancing(id, body.Grant, body.Amount, body.Reason, body.ExpectedVersion), ct);
                return TypedResults.Ok(await mediator.Send(new GetBooking(id), ct));
            })
            .WithName("DecideCoFinancing").WithSummary("Cofinanciering toekennen (hoogstens het gevraagde bedrag) of afwijzen met reden (financier)");

    internal sealed record DecideBody(bool Grant, decimal? Amount, string? Reason, long? ExpectedVersion);
}
