namespace Wijkengids.Contributions.Reactions;

/// <summary>An editor publishes a reaction under its section or lesson, or withdraws it.</summary>
public sealed record PublishReaction(Guid ReactionId, bool Publish, long? ExpectedVersion, string? Reason) : ICommand<Unit>;

internal sealed class PublishReactionHandler(ReactionSteps steps) : IRequestHandler<PublishReaction, Unit>
{
    public async Task<Unit> Handle(PublishReaction request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ReactionId, request.ExpectedVersion, request.Reason, cancellationToken);
        await steps.RecordAsync(stream, stream.Aggregate!.Publish(request.Publish), request.Publish ? ReactionStatus.Published : ReactionStatus.Received, readersSeeIt: true);
        return Unit.Value;
    }

    internal static void MapEndpoints(RouteGroupBuilder moderation)
    {
        moderation.MapPost("/reactions/{id:guid}/publish", (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
                ReactionEndpoints.ChangeAsync(mediator, id, new PublishReaction(id, true, body.ExpectedVersion, body.Reason), ct))
            .WithName("PublishReaction").WithSummary("Reactie publiceren onder de paragraaf of les (redacteur)");
        moderation.MapPost("/reactions/{id:guid}/unpublish", (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
                ReactionEndpoints.ChangeAsync(mediator, id, new PublishReaction(id, false, body.ExpectedVersion, body.Reason), ct))
            .WithName("UnpublishReaction").WithSummary("Gepubliceerde reactie terugtrekken (redacteur)");
    }

    internal sealed record VersionBody(long? ExpectedVersion, string? Reason);
}
