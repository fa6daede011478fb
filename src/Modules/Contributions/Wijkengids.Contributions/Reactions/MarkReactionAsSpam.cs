namespace Wijkengids.Contributions.Reactions;

/// <summary>An editor hides a reaction as spam; a reason is required and kept in the event.</summary>
public sealed record MarkReactionAsSpam(Guid ReactionId, string Reason, long? ExpectedVersion) : ICommand<Unit>;

internal sealed class MarkReactionAsSpamValidator : AbstractValidator<MarkReactionAsSpam>
{
    public MarkReactionAsSpamValidator() =>
        RuleFor(x => x.Reason).RequiredText("Geef een reden waarom dit spam is.", 500, "De reden");
}

internal sealed class MarkReactionAsSpamHandler(ReactionSteps steps) : IRequestHandler<MarkReactionAsSpam, Unit>
{
    public async Task<Unit> Handle(MarkReactionAsSpam request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ReactionId, request.ExpectedVersion, request.Reason, cancellationToken);
        var wasPublished = stream.Aggregate!.Published;
        await steps.RecordAsync(stream, stream.Aggregate.MarkAsSpam(request.Reason), ReactionStatus.Spam, readersSeeIt: wasPublished);
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapPost("/reactions/{id:guid}/spam", (Guid id, PublishReactionHandler.VersionBody body, IMediator mediator, CancellationToken ct) =>
                ReactionEndpoints.ChangeAsync(mediator, id, new MarkReactionAsSpam(id, body.Reason ?? "", body.ExpectedVersion), ct))
            .WithName("MarkReactionAsSpam").WithSummary("Reactie als spam verbergen, met reden (redacteur)");
}
