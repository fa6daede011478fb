using Wijkengids.Content.Items;

namespace Wijkengids.Content.Themes;

/// <summary>An editor removes a theme; only when no item (published, draft or in review) still uses it, and with a reason.</summary>
public sealed record RemoveTheme(Guid Id, long? ExpectedVersion, string Reason) : ICommand<Unit>, IAnswersLostRace<Unit>
{
    public Unit LostRace() => throw new ConflictException(ThemeStreams.Changed);
}

internal sealed class RemoveThemeValidator : AbstractValidator<RemoveTheme>
{
    public RemoveThemeValidator()
    {
        RuleFor(x => x.ExpectedVersion).NotNull().WithMessage(ItemSteps.ExpectedVersionMessage);
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef een reden waarom het thema verdwijnt.")
            .MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class RemoveThemeHandler(IDocumentSession session, IRequestContext context) : IRequestHandler<RemoveTheme, Unit>
{
    public async Task<Unit> Handle(RemoveTheme request, CancellationToken cancellationToken)
    {
        session.Stamp(context, request.Reason);
        var stream = await ThemeStreams.FetchAsync(session, request.Id, request.ExpectedVersion, cancellationToken);
        var theme = stream.Aggregate!;
        var slug = theme.Slug;
        var users = await session.Query<ItemState>()
            .Where(i => i.Status != ItemStatus.Archived && i.Text.Themes.Contains(slug)).Select(i => i.Title).ToListAsync(cancellationToken);
        var published = await session.Query<Reading.PublicItem>().Where(i => i.Themes.Contains(slug)).Select(i => i.Title).ToListAsync(cancellationToken);
        var titles = users.Concat(published).Distinct().Order().ToList();
        if (titles.Count > 0)
        {
            throw new ConflictException($"Thema \u201c{theme.Name}\u201d wordt nog gebruikt door {titles.Count} onderdeel/onderdelen " +
                                        $"({string.Join(", ", titles.Take(5))}{(titles.Count > 5 ? ", …" : "")}). Haal het daar eerst weg.");
        }
        stream.AppendOne(new ThemeRemoved(theme.Id, slug, theme.Name));
        return Unit.Value;
    }

    internal sealed record Body(long? ExpectedVersion, string? Reason);

    // DELETE with a body is awkward for clients and proxies: removal is a POST of its own, like the item steps.
    internal static void MapEndpoint(RouteGroupBuilder themes) =>
        themes.MapPost("/{id:guid}/remove", async (Guid id, Body body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveTheme(id, body.ExpectedVersion, body.Reason ?? ""), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveTheme").WithSummary("Thema verwijderen dat geen onderdeel meer gebruikt, met reden (redactie)");
}
