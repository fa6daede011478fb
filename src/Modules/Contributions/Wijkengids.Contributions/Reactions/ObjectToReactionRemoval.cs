using Wijkengids.Contributions.Moderation;

namespace Wijkengids.Contributions.Reactions;

/// <summary>
/// The signed-in sender objects, once, to their reaction being taken offline or hidden as spam, with their motivation
/// (personal data, sealed with the reaction's key). Another editor than the one who decided handles it.
/// </summary>
public sealed record ObjectToReactionRemoval(Guid ReactionId, string Motivation) : ICommand<Unit>;

internal sealed class ObjectToReactionRemovalValidator : AbstractValidator<ObjectToReactionRemoval>
{
    public ObjectToReactionRemovalValidator() =>
        RuleFor(x => x.Motivation).Motivation();
}

internal sealed class ObjectToReactionRemovalHandler(ReactionSteps steps, IRequestContext context, IPersonalDataVault vault)
    : IRequestHandler<ObjectToReactionRemoval, Unit>
{
    public async Task<Unit> Handle(ObjectToReactionRemoval request, CancellationToken cancellationToken)
    {
        var stream = await steps.FetchAsync(request.ReactionId, null, null, cancellationToken, ownedBy: context.Actor);
        var reaction = stream.Aggregate!;
        var motivation = await vault.SealAsync(reaction.Subject, request.Motivation.Trim(), cancellationToken);
        stream.AppendOne(reaction.Object(motivation, steps.Now));
        return Unit.Value;
    }

    internal static void MapEndpoint(RouteGroupBuilder signedIn) =>
        signedIn.MapPost("/mine/reactions/{id:guid}/appeal", async (Guid id, Appeals.Body body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ObjectToReactionRemoval(id, body.Motivation ?? ""), ct);
                return TypedResults.Ok((await mediator.Send(new ListMyReactions(), ct)).Single(r => r.Id == id));
            })
            .RequireAuthorization()
            .WithName("ObjectToReactionRemoval").WithSummary("Eén keer bezwaar maken tegen het terugtrekken of verbergen van mijn reactie (ingelogd)");
}
