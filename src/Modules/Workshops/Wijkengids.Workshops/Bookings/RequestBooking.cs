using Wijkengids.Community.Contracts;
using Wijkengids.Workshops.Formats;

namespace Wijkengids.Workshops.Bookings;

/// <summary>
/// A region, municipality or neighbourhood asks for a werkatelier: for a chosen session (placed at once: a place when
/// there is room, else the wait list) or with preferred dates (an organiser assigns a session later). Answers with the
/// booking's id.
/// </summary>
public sealed record RequestBooking(string FormatSlug, Guid? SessionId, Guid AreaId, string Organisation, string ContactName, string ContactEmail,
    int Participants, string? PreferredDates, string Goals, bool CoFinancing, decimal? CoFinancingAmount, string? CoFinancingMotivation)
    : ICommand<Guid>;

internal sealed class RequestBookingValidator : AbstractValidator<RequestBooking>
{
    public RequestBookingValidator()
    {
        RuleFor(x => x.AreaId).NotEmpty().WithMessage("Kies het gebied (regio, gemeente of wijk).");
        RuleFor(x => x.Organisation).NotEmpty().WithMessage("Vul de organisatie in.").MaximumLength(150).WithMessage("De organisatie mag hoogstens 150 tekens hebben.");
        RuleFor(x => x.ContactName).NotEmpty().WithMessage("Vul de naam van de contactpersoon in.").MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.ContactEmail).NotEmpty().WithMessage("Vul het e-mailadres van de contactpersoon in.")
            .MaximumLength(254).WithMessage("Het e-mailadres is te lang.").EmailAddress().WithMessage("Vul een geldig e-mailadres in.");
        RuleFor(x => x.Participants).InclusiveBetween(1, 500).WithMessage("Het aantal deelnemers ligt tussen 1 en 500.");
        RuleFor(x => x.PreferredDates).NotEmpty().When(x => x.SessionId is null)
            .WithMessage("Kies een sessie of geef uw voorkeursdata op.").MaximumLength(500).WithMessage("De voorkeursdata mogen hoogstens 500 tekens hebben.");
        RuleFor(x => x.Goals).NotEmpty().WithMessage("Beschrijf wat het gebied met het werkatelier wil bereiken.")
            .MaximumLength(5000).WithMessage("De beschrijving mag hoogstens 5000 tekens hebben.");
        When(x => x.CoFinancing, () =>
        {
            RuleFor(x => x.CoFinancingAmount).NotNull().WithMessage("Vul het gevraagde bedrag voor cofinanciering in.")
                .GreaterThan(0).WithMessage("Het gevraagde bedrag moet groter dan € 0 zijn.")
                .LessThanOrEqualTo(1_000_000).WithMessage("Het gevraagde bedrag is te hoog.");
            RuleFor(x => x.CoFinancingMotivation).NotEmpty().WithMessage("Motiveer de aanvraag voor cofinanciering.")
                .MaximumLength(5000).WithMessage("De motivatie mag hoogstens 5000 tekens hebben.");
        });
    }
}

internal sealed class RequestBookingHandler(
    IDocumentSession session,
    IRequestContext context,
    IPersonalDataVault vault,
    ICommunityDirectory directory,
    SeatPlanning seats,
    TimeProvider clock) : IRequestHandler<RequestBooking, Guid>
{
    public async Task<Guid> Handle(RequestBooking request, CancellationToken cancellationToken)
    {
        var format = await session.Query<WorkshopFormat>().FirstOrDefaultAsync(f => f.Slug == request.FormatSlug, cancellationToken)
                     ?? throw new NotFoundException(FormatSteps.NotFound);
        var area = await directory.AreaAsync(request.AreaId, cancellationToken)
                   ?? throw new RuleViolationException("Kies een bestaand gebied uit de lijst.");

        var id = Guid.NewGuid();
        var account = Guid.TryParse(context.Actor, out var accountId) ? accountId : (Guid?)null;
        var subject = account ?? id;
        var token = BookingLinks.NewToken();
        var organisation = request.Organisation.Trim();
        var name = request.ContactName.Trim();
        var email = request.ContactEmail.Trim().ToLowerInvariant();
        var motivation = request.CoFinancing ? request.CoFinancingMotivation?.Trim() : null;
        Task<Sealed> Seal(string value) => vault.SealAsync(subject, value, cancellationToken);

        var requested = new BookingRequested(id, format.Id, request.SessionId, area.Id, area.Name, subject, account,
            await Seal(organisation), await Seal(name), await Seal(email), request.Participants, request.PreferredDates?.Trim(),
            await Seal(request.Goals.Trim()), request.CoFinancing ? request.CoFinancingAmount : null,
            motivation is null ? null : await Seal(motivation), format.Title, clock.GetUtcNow(), await Seal(token), BookingLinks.Hash(token));
        session.Stamp(context);
        var changes = new List<object> { requested };
        if (request.SessionId is { } sessionId)
        {
            changes.Add(await seats.PlaceAsync(BookingState.Create(requested), sessionId, new Contact(name, email, BookingLinks.StatusUrl(token)),
                cancellationToken));
        }
        session.Events.StartStream<BookingState>(id, changes.ToArray());
        return id;
    }

    internal static void MapEndpoint(RouteGroupBuilder open) =>
        open.MapPost("/bookings", async (RequestBooking command, IMediator mediator, CancellationToken ct) =>
            {
                var booking = await mediator.Send(new GetBooking(await mediator.Send(command, ct)), ct);
                return TypedResults.Created(booking.StatusUrl, booking);
            })
            .RequireRateLimiting(RateLimitPolicies.Forms)
            .WithName("RequestBooking")
            .WithSummary("Een werkatelier aanvragen (iedereen); met een gekozen sessie direct geplaatst of op de wachtlijst");
}
