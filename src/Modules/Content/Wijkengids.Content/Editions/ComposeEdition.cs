using FluentValidation;
using JasperFx;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wijkengids.Content.Items;
using Wijkengids.Content.Publishing;
using Wijkengids.Content.Reading;
using Wijkengids.SharedKernel;

namespace Wijkengids.Content.Editions;

/// <summary>An item published since the previous edition, not yet in one: what the next edition can list.</summary>
public sealed record EditionCandidate(Guid ItemId, string Kind, string Title, string Url, int? FromRevision, int ToRevision,
    DateTimeOffset PublishedAt, IReadOnlyList<string> Themes);

public sealed record GetEditionCandidates : IRequest<IReadOnlyList<EditionCandidate>>;

/// <summary>The edition being prepared (not yet published), if any.</summary>
public sealed record GetDraftEdition : IRequest<EditionView?>;

public sealed record EditionNote(Guid ItemId, string Change, string Note);

/// <summary>
/// An editor composes the next edition from the items published since the previous one: a title and, per item,
/// major or minor with a one-line note. Composing again replaces the draft (with its expected version).
/// </summary>
public sealed record ComposeEdition(string Title, IReadOnlyList<EditionNote> Notes, long? ExpectedVersion = null, string? Reason = null)
    : IRequest<EditionView>;

internal sealed class ComposeEditionValidator : AbstractValidator<ComposeEdition>
{
    public ComposeEditionValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("Geef de update een titel.")
            .MaximumLength(200).WithMessage("De titel mag hoogstens 200 tekens hebben.");
        RuleFor(x => x.Notes).NotEmpty().WithMessage("Kies minstens één gewijzigd onderdeel.");
        RuleForEach(x => x.Notes).ChildRules(note =>
        {
            note.RuleFor(n => n.Change).Must(c => c is ChangeLevels.Major or ChangeLevels.Minor)
                .WithMessage("Kies per onderdeel een grote (major) of kleine (minor) wijziging.");
            note.RuleFor(n => n.Note).NotEmpty().WithMessage("Schrijf per onderdeel in één regel wat er veranderde.")
                .MaximumLength(200).WithMessage("Een wijzigingsnotitie is één regel van hoogstens 200 tekens.")
                .Must(n => n is null || !n.Contains('\n')).WithMessage("Een wijzigingsnotitie is één regel.");
        });
        RuleFor(x => x.Reason).MaximumLength(500).WithMessage("De reden mag hoogstens 500 tekens hebben.");
    }
}

internal sealed class ComposeEditionHandler(IDocumentSession session, IRequestContext context)
    : IRequestHandler<GetEditionCandidates, IReadOnlyList<EditionCandidate>>, IRequestHandler<GetDraftEdition, EditionView?>,
        IRequestHandler<ComposeEdition, EditionView>
{
    public async Task<IReadOnlyList<EditionCandidate>> Handle(GetEditionCandidates request, CancellationToken cancellationToken)
    {
        var items = await session.Query<PublicItem>()
            .Where(i => i.Kind != ItemKinds.News && i.Edition == null)
            .ToListAsync(cancellationToken);
        return items
            .OrderBy(i => i.PublishedAt)
            .Select(i => new EditionCandidate(i.Id, i.Kind, i.Title, i.Url, i.EditionRevision, i.Revision, i.PublishedAt, i.Themes))
            .ToList();
    }

    public async Task<EditionView?> Handle(GetDraftEdition request, CancellationToken cancellationToken) =>
        await session.Query<EditionView>().Where(e => !e.Published).OrderByDescending(e => e.Number).FirstOrDefaultAsync(cancellationToken);

    public async Task<EditionView> Handle(ComposeEdition request, CancellationToken cancellationToken)
    {
        var candidates = (await Handle(new GetEditionCandidates(), cancellationToken)).ToDictionary(c => c.ItemId);
        var unknown = request.Notes.Where(n => !candidates.ContainsKey(n.ItemId)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleViolationException("Een update kan alleen onderdelen bevatten die sinds de vorige update zijn gepubliceerd " +
                                             "en nog in geen update staan.");
        }
        if (request.Notes.Select(n => n.ItemId).Distinct().Count() != request.Notes.Count)
        {
            throw new RuleViolationException("Elk onderdeel komt maar één keer in een update.");
        }
        var entries = request.Notes.Select(n =>
        {
            var c = candidates[n.ItemId];
            return new EditionEntry(c.ItemId, c.Kind, c.Title, c.Url, c.FromRevision, c.ToRevision, n.Change, n.Note.Trim(), c.Themes);
        }).ToList();

        var number = await LessonPublication.NextEditionNumberAsync(session, cancellationToken);
        var id = EditionView.StreamIdOf(number);
        session.Stamp(context, request.Reason);
        var stream = await session.Events.FetchForWriting<EditionView>(id, cancellationToken);
        if (stream.Aggregate is null)
        {
            session.Events.StartStream<EditionView>(id, new EditionComposed(id, number, request.Title.Trim(), entries));
        }
        else
        {
            if (request.ExpectedVersion != stream.CurrentVersion) throw EditionConflict(number);
            stream.AppendOne(new EditionComposed(id, number, request.Title.Trim(), entries));
        }
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is ConcurrencyException || e.GetType().Name == "ExistingStreamIdCollisionException")
        {
            throw EditionConflict(number);
        }
        return (await session.LoadAsync<EditionView>(id, cancellationToken))!;
    }

    internal static ConflictException EditionConflict(int number)
    {
        var conflict = new ConflictException($"Update {number} is intussen door iemand anders samengesteld of gewijzigd. " +
                                             "Bekijk de huidige samenstelling en probeer het opnieuw.");
        conflict.Extensions["current"] = "/api/content/editions/draft";
        conflict.Extensions["currentPage"] = "/redactie/updates";
        return conflict;
    }

    internal static void MapEndpoints(RouteGroupBuilder editions)
    {
        editions.MapGet("/candidates", async (IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(new GetEditionCandidates(), ct)))
            .WithName("GetEditionCandidates").WithSummary("Onderdelen gepubliceerd sinds de vorige update, nog in geen update (redactie)");
        editions.MapGet("/draft", async Task<IResult> (IMediator m, CancellationToken ct) =>
                await m.Send(new GetDraftEdition(), ct) is { } draft
                    ? TypedResults.Ok(draft)
                    : TypedResults.Problem(statusCode: 404, title: "Niet gevonden", detail: "Er wordt geen update voorbereid."))
            .WithName("GetDraftEdition").WithSummary("De update in voorbereiding (redactie)")
            .Produces<EditionView>().ProducesProblem(StatusCodes.Status404NotFound);
        editions.MapPost("/", async (ComposeEdition command, IMediator m, CancellationToken ct) => TypedResults.Ok(await m.Send(command, ct)))
            .WithName("ComposeEdition").WithSummary("De volgende update samenstellen: titel en per onderdeel groot/klein met één regel toelichting (redactie)")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }
}
