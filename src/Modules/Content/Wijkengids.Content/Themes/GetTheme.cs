namespace Wijkengids.Content.Themes;

/// <summary>One theme as editors manage it.</summary>
public sealed record GetTheme(Guid Id) : IRequest<ThemeView>;

internal sealed class GetThemeHandler(IQuerySession session) : IRequestHandler<GetTheme, ThemeView>
{
    public async Task<ThemeView> Handle(GetTheme request, CancellationToken cancellationToken) =>
        await session.LoadAsync<ThemeView>(request.Id, cancellationToken) ?? throw new NotFoundException("Dit thema bestaat niet.");
}
