using System.Security.Claims;
using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Contracts;
using Wolverine.Marten;

namespace Wijkengids.Contributions.Proposals;

/// <summary>
/// A signed-in contributor proposes a change to a lesson (<see cref="Lesson"/> slug, the edited text and the published
/// <see cref="BaseRevision"/> the form was filled from), a new lesson under <see cref="Section"/> with <see cref="Themes"/>,
/// or a new <see cref="Source"/> for a lesson; always with a <see cref="Motivation"/>.
/// </summary>
public sealed record SubmitProposal(string Kind, string? Lesson, string? Section, IReadOnlyList<string>? Themes, string? Title,
    string? Statement, string? Body, SourceInput? Source, string Motivation, int? BaseRevision = null) : ICommand<ProposalReceipt>;

/// <summary>A source as typed in; <see cref="Kind"/> is research, practice or policy.</summary>
public sealed record SourceInput(string? Title, string? Author, int? Year, string? Link, string? Kind)
{
    public ProposedSource ToSource() => new(Title!.Trim(), Blank(Author), Year, Blank(Link), Kind!.Trim());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static SourceInput? From(ProposedSource? source) =>
        source is null ? null : new SourceInput(source.Title, source.Author, source.Year, source.Link, source.Kind);
}

public sealed record ProposalReceipt(Guid Id, ProposalStatus Status, long Version);

/// <summary>The text rules shared by a new proposal and an answer that revises it.</summary>
internal static class ProposalTextRules
{
    public static void Apply<T>(AbstractValidator<T> v, Func<T, string?> kind, Func<T, string?> title, Func<T, string?> statement,
        Func<T, string?> body, Func<T, SourceInput?> source)
    {
        v.RuleFor(x => title(x)).NotEmpty().WithMessage("Vul een titel in.").When(x => kind(x) != ProposalKinds.NewSource)
            .OverridePropertyName("Title");
        v.RuleFor(x => title(x)).MaximumLength(200).WithMessage("De titel mag hoogstens 200 tekens hebben.").OverridePropertyName("Title");
        v.RuleFor(x => statement(x)).MaximumLength(500).WithMessage("De stelling mag hoogstens 500 tekens hebben.").OverridePropertyName("Statement");
        v.RuleFor(x => body(x)).NotEmpty().WithMessage("Schrijf de tekst van de les.").When(x => kind(x) != ProposalKinds.NewSource)
            .OverridePropertyName("Body");
        v.RuleFor(x => body(x)).MaximumLength(20000).WithMessage("De tekst mag hoogstens 20.000 tekens hebben.").OverridePropertyName("Body");
        v.RuleFor(x => source(x)).NotNull().WithMessage("Vul de bron in.").When(x => kind(x) == ProposalKinds.NewSource).OverridePropertyName("Source");
        v.When(x => kind(x) == ProposalKinds.NewSource && source(x) is not null, () =>
        {
            v.RuleFor(x => source(x)!.Title).NotEmpty().WithMessage("Vul de titel van de bron in.")
                .MaximumLength(300).WithMessage("De titel van de bron mag hoogstens 300 tekens hebben.").OverridePropertyName("SourceTitle");
            v.RuleFor(x => source(x)!.Author).MaximumLength(200).WithMessage("De auteur mag hoogstens 200 tekens hebben.").OverridePropertyName("SourceAuthor");
            v.RuleFor(x => source(x)!.Year).InclusiveBetween(1900, 2100).WithMessage("Vul een jaartal tussen 1900 en 2100 in.")
                .OverridePropertyName("SourceYear");
            v.RuleFor(x => source(x)!.Link).Must(IsWebLink!).When(x => !string.IsNullOrWhiteSpace(source(x)!.Link))
                .WithMessage("Een link moet een webadres zijn dat begint met http:// of https://.").OverridePropertyName("SourceLink");
            v.RuleFor(x => source(x)!.Kind).Must(k => SourceKindNames.All.Contains(k?.Trim()))
                .WithMessage("Kies het soort bron: onderzoek, praktijk of beleid.").OverridePropertyName("SourceKind");
        });
    }

    /// <summary>Only absolute http(s) links: "javascript:" and other schemes never reach a page as a link.</summary>
    public static bool IsWebLink(string link) =>
        link.Trim().Length <= 500 && Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

internal sealed class SubmitProposalValidator : AbstractValidator<SubmitProposal>
{
    public SubmitProposalValidator()
    {
        RuleFor(x => x.Kind).Must(k => ProposalKinds.All.Contains(k)).WithMessage("Kies wat voor voorstel u doet.");
        RuleFor(x => x.Lesson).NotEmpty().WithMessage("Kies de les waar uw voorstel over gaat.")
            .When(x => x.Kind is ProposalKinds.Change or ProposalKinds.NewSource);
        RuleFor(x => x.Section).NotEmpty().WithMessage("Kies de paragraaf waar de nieuwe les bij hoort.").When(x => x.Kind == ProposalKinds.NewLesson);
        RuleFor(x => x.Themes).Must(t => t is null || t.Count <= 10).WithMessage("Kies hoogstens 10 thema's.");
        RuleFor(x => x.Motivation).NotEmpty().WithMessage("Licht uw voorstel toe: waarom is het een verbetering?")
            .MaximumLength(3000).WithMessage("De toelichting mag hoogstens 3000 tekens hebben.");
        ProposalTextRules.Apply(this, x => x.Kind, x => x.Title, x => x.Statement, x => x.Body, x => x.Source);
    }
}

internal sealed class SubmitProposalHandler(
    IDocumentSession session,
    IMartenOutbox outbox,
    IRequestContext context,
    IPersonalDataVault vault,
    IGuideCatalog catalog,
    IHttpContextAccessor http,
    TimeProvider clock) : IRequestHandler<SubmitProposal, ProposalReceipt>
{
    public async Task<ProposalReceipt> Handle(SubmitProposal request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.Actor, out var account)) throw new ForbiddenException("Log in om een voorstel te doen.");
        var name = http.HttpContext?.User.FindFirstValue(ClaimTypes.Name) ?? "Bijdrager";
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        var f = request.Kind == ProposalKinds.NewLesson
            ? await NewLessonAsync(request, cancellationToken)
            : await AboutLessonAsync(request, cancellationToken);

        session.Events.StartStream<Proposal>(id, new ProposalSubmitted(id, request.Kind, account,
            await vault.SealAsync(account, name, cancellationToken), f.Lesson?.Id, f.Lesson?.Slug, f.Sections, f.Themes, f.Lesson?.Revision ?? 0,
            f.Title, f.Statement, f.Body, null, await vault.SealAsync(account, request.Motivation.Trim(), cancellationToken),
            f.Lesson?.Title, f.Base, now, f.Source is null ? null : await ProposedSources.SealAsync(vault, account, f.Source, cancellationToken)));
        await outbox.PublishAsync(new ContributionStatusChanged(id, "voorstel", account, ProposalStatus.Submitted.Wire(), null,
            ProposalUrls.ForProposer(id), now, StatusText: ProposalStatus.Submitted.Dutch()));
        return new ProposalReceipt(id, ProposalStatus.Submitted, 1);
    }

    /// <summary>A new lesson under an existing section, with known themes.</summary>
    private async Task<Facts> NewLessonAsync(SubmitProposal request, CancellationToken cancellationToken)
    {
        var sections = await catalog.SectionsAsync(cancellationToken);
        if (sections.All(s => s.Number != request.Section)) throw new RuleViolationException("Deze paragraaf bestaat niet in de gids.");
        var known = (await catalog.ThemesAsync(cancellationToken)).Select(t => t.Slug).ToHashSet();
        var themes = (request.Themes ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (themes.FirstOrDefault(t => !known.Contains(t)) is { } unknown) throw new RuleViolationException($"Het thema \u201c{unknown}\u201d bestaat niet.");
        return new Facts(null, [request.Section!], themes, null, request.Title!.Trim(), Blank(request.Statement), request.Body!.Trim(), null);
    }

    /// <summary>A change of a published lesson or a new source for it, based on the revision the contributor saw.</summary>
    private async Task<Facts> AboutLessonAsync(SubmitProposal request, CancellationToken cancellationToken)
    {
        var lesson = await catalog.PublishedLessonAsync(request.Lesson!.Trim(), cancellationToken)
                     ?? throw new NotFoundException("Deze les bestaat niet of is niet gepubliceerd.");
        if (request.BaseRevision is { } started && started != lesson.Revision)
        {
            throw new ConflictException(
                $"Deze les is intussen bijgewerkt (nu revisie {lesson.Revision}). Vergelijk uw tekst met de nieuwe tekst en verstuur opnieuw.");
        }
        var basis = new ProposalBase(lesson.Title, lesson.Statement, lesson.Body,
            lesson.Sources.Select(s => new ProposedSource(s.Title, s.Author, s.Year, s.Link, s.Kind)).ToList());
        if (request.Kind == ProposalKinds.NewSource)
        {
            return new Facts(lesson, [.. lesson.Sections], [.. lesson.Themes], basis, null, null, null, request.Source!.ToSource());
        }
        var (title, statement, body) = (request.Title!.Trim(), Blank(request.Statement), request.Body!.Trim());
        if (title == lesson.Title && statement == Blank(lesson.Statement) && Normalized(body) == Normalized(lesson.Body))
        {
            throw new RuleViolationException("U hebt de tekst van de les niet veranderd.");
        }
        return new Facts(lesson, [.. lesson.Sections], [.. lesson.Themes], basis, title, statement, body, null);
    }

    /// <summary>What a proposal is about and proposes, before the proposer and the moment are added.</summary>
    private sealed record Facts(CatalogLessonText? Lesson, List<string> Sections, List<string> Themes, ProposalBase? Base, string? Title,
        string? Statement, string? Body, ProposedSource? Source);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Normalized(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();

    internal static void MapEndpoint(RouteGroupBuilder contributors) =>
        contributors.MapPost("/proposals", async (SubmitProposal command, IMediator mediator, CancellationToken ct) =>
            {
                var receipt = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/contributions/proposals/{receipt.Id}", receipt);
            })
            .RequireRateLimiting(RateLimitPolicies.Forms)
            .WithName("SubmitProposal")
            .WithSummary("Een voorstel doen: wijziging van een les, nieuwe les of nieuwe bron, met toelichting (bijdrager)");
}

public static class ProposalUrls
{
    public static string ForProposer(Guid id) => $"/mijn-bijdragen/voorstellen/{id}";

    public static string ForEditors(Guid id) => $"/redactie/bijdragen/voorstellen/{id}";
}
