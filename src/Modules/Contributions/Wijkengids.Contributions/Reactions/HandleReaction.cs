using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Contributions.Reactions;

/// <summary>An editor marks a reaction as handled, with a reason code (default "beantwoord").</summary>
public sealed record HandleReaction(Guid ReactionId, long? ExpectedVersion, string? Reason, string? ReasonCode = null) : ICommand<Unit>;

internal sealed class HandleReactionValidator : AbstractValidator<HandleReaction>
{
    public HandleReactionValidator() =>
        RuleFor(x => x.ReasonCode).Must(ModerationDecisions.ReactionHandled.Allows).WithMessage(ModerationDecisions.ReactionHandled.Message);
}

internal sealed class HandleReactionHandler(ReactionSteps steps) : IRequestHandler<HandleReaction, Unit>
{
    public async Task<Unit> Handle(HandleReaction request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ReactionId, request.ExpectedVersion, request.Reason, cancellationToken);
        var code = ModerationDecisions.ReactionHandled.Resolve(request.ReasonCode)!;
        await steps.RecordAsync(stream, stream.Aggregate!.Handle(code), ModerationDecisions.ReactionHandled, code, request.Reason);
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder moderation) =>
        moderation.MapPost("/reactions/{id:guid}/handle", (Guid id, PublishReactionHandler.VersionBody body, IMediator mediator, CancellationToken ct) =>
                ReactionEndpoints.ChangeAsync(mediator, id, new HandleReaction(id, body.ExpectedVersion, body.Reason, body.ReasonCode), ct))
            .WithName("HandleReaction").WithSummary("Reactie afhandelen (redacteur)");
}
