using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.SharedKernel;

namespace Wijkengids.Contributions.Reactions;

/// <summary>Published reactions about a section or lesson, oldest first.</summary>
public sealed record ListPublishedReactions(string About) : IRequest<IReadOnlyList<PublicReaction>>;

/// <summary>The moderation queue: reactions by status ("ontvangen", "gepubliceerd", "beantwoord", "afgehandeld", "spam" or all), newest first.</summary>
public sealed record ListReactionsForModeration(string? Status, string? About, int? OlderThanDays) : IRequest<IReadOnlyList<ReactionDetails>>;

public sealed record GetReaction(Guid Id) : IRequest<ReactionDetails>;

/// <summary>Everything the signed-in person sent.</summary>
public sealed record ListMyReactions : IRequest<IReadOnlyList<ReactionDetails>>;

internal sealed class ReadReactionsHandler(IQuerySession session, IRequestContext context, TimeProvider clock)
    : IRequestHandler<ListPublishedReactions, IReadOnlyList<PublicReaction>>,
        IRequestHandler<ListReactionsForModeration, IReadOnlyList<ReactionDetails>>,
        IRequestHandler<GetReaction, ReactionDetails>,
        IRequestHandler<ListMyReactions, IReadOnlyList<ReactionDetails>>
{
    public async Task<IReadOnlyList<PublicReaction>> Handle(ListPublishedReactions request, CancellationToken cancellationToken) =>
        (await new PublishedReactions(session).AboutAsync(request.About, cancellationToken))
        .Select(r => new PublicReaction(r.Id, request.About, r.Author, r.Message, r.ReceivedAt, r.Answer)).ToList();

    public async Task<IReadOnlyList<ReactionDetails>> Handle(ListReactionsForModeration request, CancellationToken cancellationToken)
    {
        var all = await session.Query<ReactionView>().OrderByDescending(r => r.ReceivedAt).Take(1000).ToListAsync(cancellationToken);
        IEnumerable<ReactionView> filtered = all;
        if (!string.IsNullOrWhiteSpace(request.Status) && request.Status != "alle") filtered = filtered.Where(r => r.Status == request.Status);
        if (!string.IsNullOrWhiteSpace(request.About)) filtered = filtered.Where(r => r.About == request.About);
        if (request.OlderThanDays is { } days) filtered = filtered.Where(r => r.ReceivedAt <= clock.GetUtcNow().AddDays(-days));
        return filtered.Select(ReactionDetails.From).ToList();
    }

    public async Task<ReactionDetails> Handle(GetReaction request, CancellationToken cancellationToken) =>
        ReactionDetails.From(await session.LoadAsync<ReactionView>(request.Id, cancellationToken)
                             ?? throw new NotFoundException("Deze reactie bestaat niet."));

    public async Task<IReadOnlyList<ReactionDetails>> Handle(ListMyReactions request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.Actor, out var account)) return [];
        var mine = await session.Query<ReactionView>().Where(r => r.AccountId == account)
            .OrderByDescending(r => r.ReceivedAt).ToListAsync(cancellationToken);
        return mine.Select(ReactionDetails.From).ToList();
    }

    internal static void MapPublicEndpoints(RouteGroupBuilder group)
    {
        group.MapGet("/reactions", async (string about, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPublishedReactions(about), ct)))
            .WithName("ListPublishedReactions").WithSummary("Gepubliceerde reacties over een paragraaf of les (about=sectie:1.4 of les:slug)");
        group.MapGet("/mine", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListMyReactions(), ct)))
            .RequireAuthorization()
            .WithName("ListMyContributions").WithSummary("Alles wat ik stuurde, met status en antwoord (ingelogd)")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    internal static void MapModerationEndpoints(RouteGroupBuilder moderation)
    {
        moderation.MapGet("/reactions", async (string? status, string? about, int? olderThanDays, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReactionsForModeration(status, about, olderThanDays), ct)))
            .WithName("ListReactionsForModeration").WithSummary("Reacties in de moderatiewachtrij (redacteur)");
        moderation.MapGet("/reactions/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetReaction(id), ct)))
            .WithName("GetReaction").WithSummary("Eén reactie met alle gegevens (redacteur)")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
