namespace Wijkengids.Contributions.Reactions;

/// <summary>An editor marks a reaction as handled.</summary>
public sealed record HandleReaction(Guid ReactionId, long? ExpectedVersion, string? Reason) : ICommand<Unit>;

internal sealed class HandleReactionHandler(ReactionSteps steps) : IRequestHandler<HandleReaction, Unit>
{
    public async Task<Unit> Handle(HandleReaction request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ReactionId, request.ExpectedVersion, request.Reason, cancellationToken);
        await steps.RecordAsync(stream, stream.Aggregate!.Handle(), ReactionStatus.Handled);
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapPost("/reactions/{id:guid}/handle", (Guid id, PublishReactionHandler.VersionBody body, IMediator mediator, CancellationToken ct) =>
                ReactionEndpoints.ChangeAsync(mediator, id, new HandleReaction(id, body.ExpectedVersion, body.Reason), ct))
            .WithName("HandleReaction").WithSummary("Reactie afhandelen (redacteur)");
}
