using Microsoft.AspNetCore.Http.HttpResults;

namespace Wijkengids.Contributions.Reactions;

/// <summary>The answer of every moderation endpoint: the step is saved, then the reaction as it now stands.</summary>
internal static class ReactionEndpoints
{
    public static async Task<Ok<ReactionDetails>> ChangeAsync(IMediator mediator, Guid id, ICommand<Unit> step, CancellationToken cancellationToken)
    {
        await mediator.Send(step, cancellationToken);
        return TypedResults.Ok(await mediator.Send(new GetReaction(id), cancellationToken));
    }
}
