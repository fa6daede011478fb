using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Contributions.Reactions;

/// <summary>
/// An editor, not the one who removed the reaction, decides on the sender's objection: granted undoes the removal, dismissed
/// keeps it; optional words for the sender.
/// </summary>
public sealed record DecideReactionAppeal(Guid ReactionId, bool Granted, string? Explanation, long? ExpectedVersion) : ICommand<Unit>;

internal sealed class DecideReactionAppealValidator : AbstractValidator<DecideReactionAppeal>
{
    public DecideReactionAppealValidator() =>
        RuleFor(x => x.Explanation).MaximumLength(2000).WithMessage("De toelichting mag hoogstens 2000 tekens hebben.");
}

internal sealed class DecideReactionAppealHandler(ReactionSteps steps) : IRequestHandler<DecideReactionAppeal, Unit>
{
    public async Task<Unit> Handle(DecideReactionAppeal request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ReactionId, request.ExpectedVersion, request.Explanation, cancellationToken);
        var reaction = stream.Aggregate!;
        var wasPublished = reaction.Published;
        var decided = reaction.DecideAppeal(request.Granted, request.Explanation, steps.Editor, steps.Now);
        var decision = request.Granted ? ModerationDecisions.AppealGranted : ModerationDecisions.AppealDismissed;
        await steps.RecordAsync(stream, decided, decision, decided.ReasonCode, decided.Explanation,
            readersSeeIt: request.Granted && !wasPublished);
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapPost("/reactions/{id:guid}/appeal-decision", (Guid id, Appeals.DecisionBody body, IMediator mediator, CancellationToken ct) =>
                ReactionEndpoints.ChangeAsync(mediator, id, new DecideReactionAppeal(id, body.Granted, body.Explanation, body.ExpectedVersion), ct))
            .WithName("DecideReactionAppeal")
            .WithSummary("Beslissen op een bezwaar tegen het verwijderen van een reactie; niet door wie het besluit nam (redacteur)");
}
