using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Contributions.Reactions;

/// <summary>
/// An editor publishes a reaction under its section or lesson (reason "relevant" unless given), or withdraws it: a removal,
/// which needs a reason code from the list; <see cref="Reason"/> is optional text for the sender.
/// </summary>
public sealed record PublishReaction(Guid ReactionId, bool Publish, long? ExpectedVersion, string? Reason, string? ReasonCode = null) : ICommand<Unit>
{
    public ModerationDecision Decision => Publish ? ModerationDecisions.ReactionPublished : ModerationDecisions.ReactionUnpublished;
}

internal sealed class PublishReactionValidator : AbstractValidator<PublishReaction>
{
    public PublishReactionValidator() =>
        RuleFor(x => x.ReasonCode).Must((command, code) => command.Decision.Allows(code)).WithMessage(command => command.Decision.Message);
}

internal sealed class PublishReactionHandler(ReactionSteps steps) : IRequestHandler<PublishReaction, Unit>
{
    public async Task<Unit> Handle(PublishReaction request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ReactionId, request.ExpectedVersion, request.Reason, cancellationToken);
        var code = request.Decision.Resolve(request.ReasonCode)!;
        await steps.RecordAsync(stream, stream.Aggregate!.Publish(request.Publish, code, steps.Editor, request.Reason), request.Decision, code,
            request.Reason, readersSeeIt: true);
        return Unit.Value;
    }

    internal static void MapEndpoints(RouteGroupBuilder moderation)
    {
        moderation.MapPost("/reactions/{id:guid}/publish", (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
                ReactionEndpoints.ChangeAsync(mediator, id, new PublishReaction(id, true, body.ExpectedVersion, body.Reason, body.ReasonCode), ct))
            .WithName("PublishReaction").WithSummary("Reactie publiceren onder de paragraaf of les (redacteur)");
        moderation.MapPost("/reactions/{id:guid}/unpublish", (Guid id, VersionBody body, IMediator mediator, CancellationToken ct) =>
                ReactionEndpoints.ChangeAsync(mediator, id, new PublishReaction(id, false, body.ExpectedVersion, body.Reason, body.ReasonCode), ct))
            .WithName("UnpublishReaction").WithSummary("Gepubliceerde reactie terugtrekken, met een redencode uit de lijst (redacteur)");
    }

    /// <summary>A moderation step: the version the editor saw, a reason code from the list and optional words for the sender.</summary>
    internal sealed record VersionBody(long? ExpectedVersion, string? Reason, string? ReasonCode = null);
}
