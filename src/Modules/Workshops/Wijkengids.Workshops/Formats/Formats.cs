using System.Text.RegularExpressions;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Community.Contracts;
using Wijkengids.SharedKernel;

namespace Wijkengids.Workshops.Formats;

public sealed record FormatDefined(Guid FormatId, string Slug, string Title, string Description, int DurationMinutes,
    int ParticipantsPerSession, decimal Price, string[] Themes, string[] Lessons, Guid[] Trainers) : IDescribedEvent
{
    public string Describe() => $"Werkatelier ‘{Title}’ vastgelegd";
}

/// <summary>A werkatelier format as organisers define it; written with its events.</summary>
public sealed class WorkshopFormat
{
    public Guid Id { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public int DurationMinutes { get; set; }
    public int ParticipantsPerSession { get; set; }
    public decimal Price { get; set; }
    public List<string> Themes { get; set; } = [];
    /// <summary>Slugs of the guide's lessons the format draws on.</summary>
    public List<string> Lessons { get; set; } = [];
    public List<FormatTrainer> Trainers { get; set; } = [];
    public long Version { get; set; }
}

public sealed record FormatTrainer(Guid PersonId, string Name, string? Organisation);

/// <summary>An organiser defines a format or changes it (<see cref="FormatId"/> given, with the expected version).</summary>
public sealed record DefineFormat(Guid? FormatId, string Title, string Description, int DurationMinutes, int ParticipantsPerSession,
    decimal Price, IReadOnlyList<string>? Themes, IReadOnlyList<string>? Lessons, IReadOnlyList<Guid>? Trainers, long? ExpectedVersion,
    string? Reason) : IRequest<WorkshopFormat>;

public sealed record ListFormats : IRequest<IReadOnlyList<WorkshopFormat>>;

public sealed record GetFormat(string Slug) : IRequest<WorkshopFormat>;

internal sealed class DefineFormatValidator : AbstractValidator<DefineFormat>
{
    public DefineFormatValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Geef het werkatelier een titel.").MaximumLength(150).WithMessage("De titel mag hoogstens 150 tekens hebben.");
        RuleFor(x => x.Description).NotEmpty().WithMessage("Beschrijf het werkatelier.").MaximumLength(5000).WithMessage("De beschrijving mag hoogstens 5000 tekens hebben.");
        RuleFor(x => x.DurationMinutes).InclusiveBetween(30, 60 * 24).WithMessage("De duur ligt tussen 30 minuten en 24 uur.");
        RuleFor(x => x.ParticipantsPerSession).InclusiveBetween(1, 500).WithMessage("Het aantal deelnemers per sessie ligt tussen 1 en 500.");
        RuleFor(x => x.Price).InclusiveBetween(0, 1_000_000).WithMessage("De prijs ligt tussen € 0 en € 1.000.000.");
        RuleForEach(x => x.Themes).NotEmpty().MaximumLength(60).WithMessage("Een thema heeft 1 tot 60 tekens.");
        RuleForEach(x => x.Lessons).Matches(GuideReferences.Pattern).WithMessage(GuideReferences.Hint);
    }
}

internal sealed class FormatsHandler(IDocumentSession session, IRequestContext context, ICommunityDirectory directory, GuideReferences guide)
    : IRequestHandler<DefineFormat, WorkshopFormat>, IRequestHandler<ListFormats, IReadOnlyList<WorkshopFormat>>,
        IRequestHandler<GetFormat, WorkshopFormat>
{
    public async Task<WorkshopFormat> Handle(DefineFormat request, CancellationToken cancellationToken)
    {
        var trainers = await TrainersAsync(request.Trainers ?? [], cancellationToken);
        var lessons = (request.Lessons ?? []).Select(l => l.Trim()).Distinct().ToList();
        await guide.EnsurePublishedAsync(lessons, cancellationToken);
        var themes = (request.Themes ?? []).Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList();
        await guide.EnsureThemesAsync(themes, cancellationToken);
        var format = request.FormatId is { } id
            ? await session.LoadAsync<WorkshopFormat>(id, cancellationToken) ?? throw new NotFoundException("Dit werkatelier bestaat niet.")
            : new WorkshopFormat { Id = Guid.NewGuid(), Slug = await FreeSlugAsync(request.Title, cancellationToken) };
        if (request.ExpectedVersion is { } expected && expected != format.Version)
        {
            throw new ConflictException("Dit werkatelier is intussen gewijzigd. Laad het opnieuw en probeer het nog eens.");
        }
        format.Title = request.Title.Trim();
        format.Description = request.Description.Trim();
        format.DurationMinutes = request.DurationMinutes;
        format.ParticipantsPerSession = request.ParticipantsPerSession;
        format.Price = request.Price;
        format.Themes = themes;
        format.Lessons = lessons;
        format.Trainers = trainers;

        session.Stamp(context, request.Reason);
        var change = new FormatDefined(format.Id, format.Slug, format.Title, format.Description, format.DurationMinutes,
            format.ParticipantsPerSession, format.Price, [.. format.Themes], [.. format.Lessons], [.. trainers.Select(t => t.PersonId)]);
        if (format.Version == 0) session.Events.StartStream<WorkshopFormat>(format.Id, change);
        else session.Events.Append(format.Id, format.Version + 1, change);
        format.Version++;
        session.Store(format);
        await session.SaveChangesAsync(cancellationToken);
        return format;
    }

    public async Task<IReadOnlyList<WorkshopFormat>> Handle(ListFormats request, CancellationToken cancellationToken) =>
        await session.Query<WorkshopFormat>().OrderBy(f => f.Title).ToListAsync(cancellationToken);

    public async Task<WorkshopFormat> Handle(GetFormat request, CancellationToken cancellationToken) =>
        await session.Query<WorkshopFormat>().FirstOrDefaultAsync(f => f.Slug == request.Slug, cancellationToken)
        ?? throw new NotFoundException("Dit werkatelier bestaat niet.");

    /// <summary>Only people with the trainer role (from Community's directory) can give a werkatelier.</summary>
    private async Task<List<FormatTrainer>> TrainersAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        var trainers = (await directory.TrainersAsync(cancellationToken)).ToDictionary(t => t.Id);
        var unknown = ids.Where(id => !trainers.ContainsKey(id)).ToList();
        if (unknown.Count > 0) throw new RuleViolationException("Kies trainers uit de lijst van trainers van de werkateliers.");
        return ids.Distinct().Select(id => new FormatTrainer(id, trainers[id].Name, trainers[id].Organisation)).ToList();
    }

    private async Task<string> FreeSlugAsync(string title, CancellationToken cancellationToken)
    {
        var baseSlug = Slug(title);
        var slug = baseSlug;
        for (var n = 2; await session.Query<WorkshopFormat>().AnyAsync(f => f.Slug == slug, cancellationToken); n++) slug = $"{baseSlug}-{n}";
        return slug;
    }

    internal static string Slug(string title)
    {
        var normalized = new string(title.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .ToArray()).ToLowerInvariant();
        var slug = Regex.Replace(normalized, "[^a-z0-9]+", "-").Trim('-');
        return slug.Length == 0 ? "werkatelier" : slug[..Math.Min(slug.Length, 80)].Trim('-');
    }

    internal static void MapEndpoints(RouteGroupBuilder open, RouteGroupBuilder organisers)
    {
        open.MapGet("/formats", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListFormats(), ct)))
            .WithName("ListWorkshopFormats").WithSummary("Alle werkateliers");
        open.MapGet("/formats/{slug}", async (string slug, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetFormat(slug), ct)))
            .WithName("GetWorkshopFormat").WithSummary("Eén werkatelier").ProducesProblem(StatusCodes.Status404NotFound);
        organisers.MapPost("/formats", async (DefineFormat command, IMediator mediator, CancellationToken ct) =>
            {
                var format = await mediator.Send(command with { FormatId = null }, ct);
                return TypedResults.Created($"/api/workshops/formats/{format.Slug}", format);
            })
            .WithName("DefineWorkshopFormat").WithSummary("Werkatelier vastleggen (organisator)");
        organisers.MapPut("/formats/{id:guid}", async (Guid id, DefineFormat command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command with { FormatId = id }, ct)))
            .WithName("ChangeWorkshopFormat").WithSummary("Werkatelier wijzigen (organisator)");
    }
}
