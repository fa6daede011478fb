using Wijkengids.Content.Items;
using Wijkengids.Content.Publishing;
using Wijkengids.Content.Reading;

namespace Wijkengids.Content.Editions;

public sealed record EditionNote(Guid ItemId, string Change, string Note);

/// <summary>
/// An editor composes the next edition from the items published since the previous one: a title and, per item,
/// major or minor with a one-line note. Composing again replaces the draft (with its expected version). Answers its number.
/// </summary>
public sealed record ComposeEdition(string Title, IReadOnlyList<EditionNote> Notes, long? ExpectedVersion = null, string? Reason = null)
    : ICommand<int>, IAnswersLostRace<int>
{
    public int LostRace() => throw ComposeEditionHandler.EditionConflict(
        "Deze update is intussen door iemand anders samengesteld of gewijzigd. Bekijk de huidige samenstelling en probeer het opnieuw.");
}

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

internal sealed class ComposeEditionHandler(IDocumentSession session, IRequestContext context, IMediator mediator)
    : IRequestHandler<ComposeEdition, int>
{
    public async Task<int> Handle(ComposeEdition request, CancellationToken cancellationToken)
    {
        var candidates = (await mediator.Send(new GetEditionCandidates(), cancellationToken)).ToDictionary(c => c.ItemId);
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
        return number;
    }

    internal static ConflictException EditionConflict(int number) => EditionConflict(
        $"Update {number} is intussen door iemand anders samengesteld of gewijzigd. Bekijk de huidige samenstelling en probeer het opnieuw.");

    internal static ConflictException EditionConflict(string message)
    {
        var conflict = new ConflictException(message);
        conflict.Extensions["current"] = "/api/content/editions/draft";
        conflict.Extensions["currentPage"] = "/redactie/updates";
        return conflict;
    }

    internal static void MapEndpoint(RouteGroupBuilder editions) =>
        editions.MapPost("/", async (ComposeEdition command, IMediator m, CancellationToken ct) =>
            {
                await m.Send(command, ct);
                return TypedResults.Ok(await m.Send(new GetDraftEdition(), ct));
            })
            .WithName("ComposeEdition").WithSummary("De volgende update samenstellen: titel en per onderdeel groot/klein met één regel toelichting (redactie)");
}
