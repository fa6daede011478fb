namespace Wijkengids.Content.Themes;

/// <summary>Every theme, by name.</summary>
public sealed record ListThemes : IRequest<IReadOnlyList<ThemeView>>;

internal sealed class ListThemesHandler(IQuerySession session) : IRequestHandler<ListThemes, IReadOnlyList<ThemeView>>
{
    public async Task<IReadOnlyList<ThemeView>> Handle(ListThemes request, CancellationToken cancellationToken) =>
        await session.Query<ThemeView>().OrderBy(t => t.Name).ToListAsync(cancellationToken);
}
