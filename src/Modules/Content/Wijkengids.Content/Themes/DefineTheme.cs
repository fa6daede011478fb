using Wijkengids.Content.Items;

namespace Wijkengids.Content.Themes;

/// <summary>An editor adds a theme; its slug (for /themas/{slug}) is made from the name and never changes. Answers its id.</summary>
public sealed record DefineTheme(string Name, string? Description, string? Reason = null) : ICommand<Guid>, IAnswersLostRace<Guid>
{
    public Guid LostRace() => throw new ConflictException("Er is al een thema met deze naam.");
}

internal sealed class DefineThemeValidator : AbstractValidator<DefineTheme>
{
    public DefineThemeValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het thema in.").MaximumLength(80).WithMessage("De naam mag hoogstens 80 tekens hebben.");
        RuleFor(x => x.Description).MaximumLength(1000).WithMessage("De beschrijving mag hoogstens 1000 tekens hebben.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class DefineThemeHandler(IDocumentSession session, IRequestContext context) : IRequestHandler<DefineTheme, Guid>
{
    public async Task<Guid> Handle(DefineTheme request, CancellationToken cancellationToken)
    {
        var slug = Slugs.From(request.Name, 60);
        if (await session.Query<ThemeView>().AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            throw new ConflictException($"Er is al een thema \u201c{request.Name.Trim()}\u201d.");
        }
        var id = Guid.NewGuid();
        session.Stamp(context, request.Reason);
        session.Events.StartStream<ThemeView>(id, new ThemeDefined(id, slug, request.Name.Trim(), ThemeStreams.Blank(request.Description)));
        return id;
    }

    internal static void MapEndpoint(RouteGroupBuilder themes) =>
        themes.MapPost("/", async (DefineTheme command, IMediator mediator, CancellationToken ct) =>
            {
                var theme = await mediator.Send(new GetTheme(await mediator.Send(command, ct)), ct);
                return TypedResults.Created($"/api/content/themes/{theme.Slug}", theme);
            })
            .WithName("DefineTheme").WithSummary("Thema toevoegen (redactie)");
}
