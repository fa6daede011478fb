namespace Wijkengids.Workshops.ActionPlans;

/// <summary>The contact agrees (or no longer agrees) that the plan is shown on the area's public page.</summary>
public sealed record ConsentToPublication(ContactKey Key, bool Consent, long? ExpectedVersion, string? Reason) : ICommand<Unit>;

internal sealed class ConsentToPublicationValidator : AbstractValidator<ConsentToPublication>
{
    public ConsentToPublicationValidator() =>
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De toelichting mag hoogstens 500 tekens hebben.");
}

internal sealed class ConsentToPublicationHandler(ActionPlanSteps steps) : IRequestHandler<ConsentToPublication, Unit>
{
    public async Task<Unit> Handle(ConsentToPublication request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.Key, request.Reason, cancellationToken);
        if (stream.Aggregate!.ConsentToPublication(request.Consent, request.ExpectedVersion, steps.Now) is { } change) stream.AppendOne(change);
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder contact, Func<string, ContactKey> keyOf, string name, string how) =>
        contact.MapPost("/publication", async (string key, PublicationBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ConsentToPublication(keyOf(key), body.Consent, body.ExpectedVersion, body.Reason), ct);
                return TypedResults.Ok(await mediator.Send(new GetContactActionPlan(keyOf(key)), ct));
            })
            .WithName("ConsentToPublication" + name)
            .WithSummary($"Toestemming geven (of intrekken) om het plan op de pagina van het gebied te publiceren, {how}");

    internal sealed record PublicationBody(bool Consent, long? ExpectedVersion, string? Reason);
}
