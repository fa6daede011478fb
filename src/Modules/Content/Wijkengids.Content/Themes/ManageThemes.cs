using FluentValidation;
using JasperFx;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Content.Caching;
using Wijkengids.Content.Items;
using Wijkengids.SharedKernel;

namespace Wijkengids.Content.Themes;

/// <summary>An editor adds a theme; its slug (for /themas/{slug}) is made from the name and never changes.</summary>
public sealed record DefineTheme(string Name, string? Description, string? Reason = null) : IRequest<ThemeView>;

/// <summary>An editor renames a theme or changes its description.</summary>
public sealed record ChangeTheme(Guid Id, long? ExpectedVersion, string Name, string? Description, string? Reason = null) : IRequest<ThemeView>;

/// <summary>An editor removes a theme; only when no item (published, draft or in review) still uses it, and with a reason.</summary>
public sealed record RemoveTheme(Guid Id, long? ExpectedVersion, string Reason) : IRequest<Unit>;

internal sealed class RemoveThemeValidator : AbstractValidator<RemoveTheme>
{
    public RemoveThemeValidator()
    {
        RuleFor(x => x.ExpectedVersion).NotNull().WithMessage(ItemSteps.ExpectedVersionMessage);
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef een reden waarom het thema verdwijnt.")
            .MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
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

internal sealed class ChangeThemeValidator : AbstractValidator<ChangeTheme>
{
    public ChangeThemeValidator()
    {
        RuleFor(x => x.ExpectedVersion).NotNull().WithMessage(ItemSteps.ExpectedVersionMessage);
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het thema in.").MaximumLength(80).WithMessage("De naam mag hoogstens 80 tekens hebben.");
        RuleFor(x => x.Description).MaximumLength(1000).WithMessage("De beschrijving mag hoogstens 1000 tekens hebben.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class ManageThemesHandler(IDocumentSession session, IRequestContext context, GuideVersionCache versions)
    : IRequestHandler<DefineTheme, ThemeView>, IRequestHandler<ChangeTheme, ThemeView>, IRequestHandler<RemoveTheme, Unit>
{
    private const string Changed = "Dit thema is intussen door iemand anders gewijzigd. Laad het opnieuw en probeer het nog eens.";

    public async Task<ThemeView> Handle(DefineTheme request, CancellationToken cancellationToken)
    {
        var slug = Slugs.From(request.Name, 60);
        if (await session.Query<ThemeView>().AnyAsync(t => t.Slug == slug, cancellationToken))
        {
            throw new ConflictException($"Er is al een thema \u201c{request.Name.Trim()}\u201d.");
        }
        var id = Guid.NewGuid();
        session.Stamp(context, request.Reason);
        session.Events.StartStream<ThemeView>(id, new ThemeDefined(id, slug, request.Name.Trim(), Blank(request.Description)));
        return await SaveAsync(id, cancellationToken);
    }

    public async Task<ThemeView> Handle(ChangeTheme request, CancellationToken cancellationToken)
    {
        session.Stamp(context, request.Reason);
        var stream = await session.Events.FetchForWriting<ThemeView>(request.Id, cancellationToken);
        if (stream.Aggregate is null) throw new NotFoundException("Dit thema bestaat niet.");
        if (request.ExpectedVersion != stream.CurrentVersion)
        {
            throw new ConflictException(Changed);
        }
        stream.AppendOne(new ThemeChanged(request.Id, request.Name.Trim(), Blank(request.Description)));
        return await SaveAsync(request.Id, cancellationToken);
    }

    public async Task<Unit> Handle(RemoveTheme request, CancellationToken cancellationToken)
    {
        session.Stamp(context, request.Reason);
        var stream = await session.Events.FetchForWriting<ThemeView>(request.Id, cancellationToken);
        if (stream.Aggregate is not { } theme) throw new NotFoundException("Dit thema bestaat niet.");
        if (request.ExpectedVersion != stream.CurrentVersion) throw new ConflictException(Changed);
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
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw new ConflictException(Changed);
        }
        versions.Invalidate();
        return Unit.Value;
    }

    private async Task<ThemeView> SaveAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            throw new ConflictException(Changed);
        }
        catch (Exception e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" } || e is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ConflictException("Er is al een thema met deze naam.");
        }
        versions.Invalidate();
        return await session.LoadAsync<ThemeView>(id, cancellationToken) ?? throw new NotFoundException("Dit thema bestaat niet.");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal sealed record RemoveBody(long? ExpectedVersion, string? Reason);

    internal sealed record ChangeBody(long? ExpectedVersion, string? Name, string? Description, string? Reason);

    internal static void MapEndpoints(RouteGroupBuilder themes)
    {
        themes.MapPost("/", async (DefineTheme command, IMediator mediator, CancellationToken ct) =>
            {
                var theme = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/content/themes/{theme.Slug}", theme);
            })
            .WithName("DefineTheme").WithSummary("Thema toevoegen (redactie)").ProducesProblem(StatusCodes.Status409Conflict);
        themes.MapPut("/{id:guid}", async (Guid id, ChangeBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeTheme(id, body.ExpectedVersion, body.Name ?? "", body.Description, body.Reason), ct)))
            .WithName("ChangeTheme").WithSummary("Thema hernoemen of beschrijven (redactie)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        // DELETE with a body is awkward for clients and proxies: removal is a POST of its own, like the item steps.
        themes.MapPost("/{id:guid}/remove", async (Guid id, RemoveBody body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveTheme(id, body.ExpectedVersion, body.Reason ?? ""), ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveTheme").WithSummary("Thema verwijderen dat geen onderdeel meer gebruikt, met reden (redactie)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
