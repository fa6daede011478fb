namespace Wijkengids.Contributions.Reactions;

/// <summary>An editor answers a reaction: publicly (shown under it) or by mail to the sender.</summary>
public sealed record AnswerReaction(Guid ReactionId, string Answer, bool Public, long? ExpectedVersion) : ICommand<Unit>;

internal sealed class AnswerReactionValidator : AbstractValidator<AnswerReaction>
{
    public AnswerReactionValidator() =>
        RuleFor(x => x.Answer).RequiredText("Schrijf een antwoord.", 5000, "Het antwoord");
}

internal sealed class AnswerReactionHandler(ReactionSteps steps, TimeProvider clock) : IRequestHandler<AnswerReaction, Unit>
{
    public async Task<Unit> Handle(AnswerReaction request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ReactionId, request.ExpectedVersion, null, cancellationToken);
        var reaction = stream.Aggregate!;
        var answered = reaction.Answer(request.Answer, request.Public, clock.GetUtcNow());
        // An answer by mail goes to the address the sender gave (revealed in the read model).
        var mailTo = request.Public ? null : await steps.ViewAsync(reaction.Id, cancellationToken);
        await steps.RecordAsync(stream, answered, ReactionStatus.Answered, answered.Answer, mailTo, readersSeeIt: reaction.Published);
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapPost("/reactions/{id:guid}/answer", (Guid id, Body body, IMediator mediator, CancellationToken ct) =>
                ReactionEndpoints.ChangeAsync(mediator, id, new AnswerReaction(id, body.Answer ?? "", body.Public, body.ExpectedVersion), ct))
            .WithName("AnswerReaction").WithSummary("Reactie beantwoorden, openbaar of per e-mail (redacteur)");

    internal sealed record Body(string? Answer, bool Public, long? ExpectedVersion);
}
