using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Community.Shared;
using Wijkengids.SharedKernel;

namespace Wijkengids.Community.Areas;

public sealed record AreaRegistered(Guid AreaId, string Name, string Level, Guid? ParentId) : IDescribedEvent
{
    public string Describe() => $"Gebied {Name} ({Level}) toegevoegd";
}

public sealed record AreaChanged(Guid AreaId, string Name, Guid? ParentId) : IDescribedEvent
{
    public string Describe() => $"Gebied {Name} gewijzigd";
}

/// <summary>The levels of the area hierarchy: a regio holds gemeenten, a gemeente holds wijken.</summary>
public static class AreaLevels
{
    public const string Region = "regio";
    public const string Municipality = "gemeente";
    public const string Neighbourhood = "wijk";

    public static readonly IReadOnlyList<string> All = [Region, Municipality, Neighbourhood];

    /// <summary>The level an area's parent must have (null: no parent allowed).</summary>
    public static string? ParentLevelOf(string level) => level switch
    {
        Municipality => Region,
        Neighbourhood => Municipality,
        _ => null,
    };
}

public sealed class AreaView : IStreamView
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Level { get; set; } = "";
    public Guid? ParentId { get; set; }
    public long Version { get; set; }
}

public sealed record AreaSummary(Guid Id, string Name, string Level, Guid? ParentId, string? ParentName, long Version);

/// <summary>An admin adds a regio, gemeente or wijk; a wijk lies in a gemeente, a gemeente may lie in a regio.</summary>
public sealed record RegisterArea(string Name, string Level, Guid? ParentId, string? Reason = null) : IRequest<AreaSummary>;

/// <summary>An admin renames an area or moves it under another parent of the right level.</summary>
public sealed record ChangeArea(Guid AreaId, string Name, Guid? ParentId, long? ExpectedVersion, string? Reason) : IRequest<AreaSummary>;

public sealed record ListAreas : IRequest<IReadOnlyList<AreaSummary>>;

internal sealed class RegisterAreaValidator : AbstractValidator<RegisterArea>
{
    public RegisterAreaValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het gebied in.").MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.Level).Must(l => AreaLevels.All.Contains(l)).WithMessage("Kies regio, gemeente of wijk.");
        RuleFor(x => x.ParentId).NotNull().When(x => x.Level == AreaLevels.Neighbourhood).WithMessage("Een wijk ligt in een gemeente: kies de gemeente.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class ChangeAreaValidator : AbstractValidator<ChangeArea>
{
    public ChangeAreaValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het gebied in.").MaximumLength(100).WithMessage("De naam mag hoogstens 100 tekens hebben.");
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class AreasHandler(IDocumentSession session, IRequestContext context)
    : IRequestHandler<RegisterArea, AreaSummary>, IRequestHandler<ChangeArea, AreaSummary>, IRequestHandler<ListAreas, IReadOnlyList<AreaSummary>>
{
    public async Task<AreaSummary> Handle(RegisterArea request, CancellationToken cancellationToken)
    {
        var areas = await AllAsync(cancellationToken);
        var view = new AreaView { Id = Guid.NewGuid(), Name = request.Name.Trim(), Level = request.Level, ParentId = request.ParentId };
        Check(view, areas);
        session.StartWithView(context, request.Reason, view, [new AreaRegistered(view.Id, view.Name, view.Level, view.ParentId)]);
        await session.SaveChangesAsync(cancellationToken);
        return Summarise(view, areas);
    }

    public async Task<AreaSummary> Handle(ChangeArea request, CancellationToken cancellationToken)
    {
        var view = await session.LoadForChangeAsync<AreaView>(request.AreaId, request.ExpectedVersion, "Dit gebied bestaat niet.",
            "Dit gebied is intussen gewijzigd. Laad de gegevens opnieuw en probeer het nog eens.", cancellationToken);
        var areas = await AllAsync(cancellationToken);
        var name = request.Name.Trim();
        if (view.Name == name && view.ParentId == request.ParentId) return Summarise(view, areas);
        view.Name = name;
        view.ParentId = request.ParentId;
        Check(view, areas);
        session.AppendWithView(context, request.Reason, view, [new AreaChanged(view.Id, view.Name, view.ParentId)]);
        await session.SaveChangesAsync(cancellationToken);
        return Summarise(view, areas);
    }

    public async Task<IReadOnlyList<AreaSummary>> Handle(ListAreas request, CancellationToken cancellationToken)
    {
        var areas = await AllAsync(cancellationToken);
        return Ordered(areas).Select(a => Summarise(a, areas)).ToList();
    }

    /// <summary>Regions first, each followed by its municipalities and their neighbourhoods; then municipalities without a region.</summary>
    internal static IEnumerable<AreaView> Ordered(IReadOnlyDictionary<Guid, AreaView> areas)
    {
        IEnumerable<AreaView> ChildrenOf(Guid? parent) => areas.Values.Where(a => a.ParentId == parent)
            .OrderBy(a => AreaLevels.All.ToList().IndexOf(a.Level)).ThenBy(a => a.Name, StringComparer.CurrentCulture);
        IEnumerable<AreaView> Walk(AreaView area) => new[] { area }.Concat(ChildrenOf(area.Id).SelectMany(Walk));
        return ChildrenOf(null).SelectMany(Walk);
    }

    private static void Check(AreaView area, IReadOnlyDictionary<Guid, AreaView> areas)
    {
        var parentLevel = AreaLevels.ParentLevelOf(area.Level);
        if (area.ParentId is { } parentId)
        {
            if (!areas.TryGetValue(parentId, out var parent)) throw new RuleViolationException("Het bovenliggende gebied bestaat niet.");
            if (parent.Level != parentLevel)
            {
                throw new RuleViolationException(parentLevel is null
                    ? "Een regio ligt niet in een ander gebied."
                    : $"Een {area.Level} ligt in een {parentLevel}, niet in een {parent.Level}.");
            }
        }
        if (areas.Values.Any(a => a.Id != area.Id && a.ParentId == area.ParentId && a.Level == area.Level &&
                                  string.Equals(a.Name, area.Name, StringComparison.CurrentCultureIgnoreCase)))
        {
            throw new ConflictException($"Er bestaat al een {area.Level} met de naam {area.Name} op deze plek.");
        }
    }

    private async Task<Dictionary<Guid, AreaView>> AllAsync(CancellationToken cancellationToken) =>
        (await session.Query<AreaView>().ToListAsync(cancellationToken)).ToDictionary(a => a.Id);

    internal static AreaSummary Summarise(AreaView a, IReadOnlyDictionary<Guid, AreaView> areas) =>
        new(a.Id, a.Name, a.Level, a.ParentId, a.ParentId is { } p && areas.TryGetValue(p, out var parent) ? parent.Name : null, a.Version);

    internal static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        var areas = endpoints.MapGroup("/api/community/areas").WithTags("Community");
        areas.MapGet("/", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListAreas(), ct)))
            .WithName("ListAreas").WithSummary("Regio's, gemeenten en wijken (openbaar)");
        areas.MapPost("/", async (RegisterArea command, IMediator mediator, CancellationToken ct) =>
            {
                var area = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/community/areas/{area.Id}", area);
            })
            .RequireAuthorization(Policies.Admins)
            .WithName("RegisterArea").WithSummary("Gebied toevoegen (beheerder)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        areas.MapPut("/{id:guid}", async (Guid id, AreaBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeArea(id, body.Name ?? "", body.ParentId, body.ExpectedVersion, body.Reason), ct)))
            .RequireAuthorization(Policies.Admins)
            .WithName("ChangeArea").WithSummary("Gebied hernoemen of verplaatsen (beheerder)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    internal sealed record AreaBody(string? Name, Guid? ParentId, long? ExpectedVersion, string? Reason);
}
