using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Wijkengids.Content.Contracts;
using Wijkengids.Contributions.Proposals;
using Wijkengids.Platform.Web;

namespace Wijkengids.Contributions.Pages;

/// <summary>
/// "Voorstel doen": first choose what (a change or a new source for a lesson, or a new lesson under a section), then the
/// form for it. Plain GET and POST forms, so it works without JavaScript; a failed post keeps everything typed.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Forms)]
public sealed class VoorstelDoenModel(IMediator mediator, IGuideCatalog catalog) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Soort { get; set; }
    [BindProperty(SupportsGet = true, Name = "les")] public string? Les { get; set; }
    [BindProperty(SupportsGet = true, Name = "sectie")] public string? Sectie { get; set; }
    [BindProperty] public int? BaseRevision { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Statement { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public List<string> Themes { get; set; } = [];
    [BindProperty] public string? SourceTitle { get; set; }
    [BindProperty] public string? SourceAuthor { get; set; }
    [BindProperty] public string? SourceYear { get; set; }
    [BindProperty] public string? SourceLink { get; set; }
    [BindProperty] public string? SourceKind { get; set; }
    [BindProperty] public string? Motivation { get; set; }

    public CatalogLessonText? Lesson { get; private set; }
    public IReadOnlyList<CatalogLesson> Lessons { get; private set; } = [];
    public IReadOnlyList<CatalogSection> Sections { get; private set; } = [];
    public IReadOnlyList<CatalogTheme> AllThemes { get; private set; } = [];
    public override string ErrorTitle => "Uw voorstel is nog niet verstuurd";

    /// <summary>True when the kind and what it is about are known: show the form itself, not the chooser.</summary>
    public bool Ready => Soort switch
    {
        ProposalKinds.NewLesson => Sections.Any(s => s.Number == Sectie),
        ProposalKinds.Change or ProposalKinds.NewSource => Lesson is not null,
        _ => false,
    };

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Soort is null && !string.IsNullOrEmpty(Les)) Soort = ProposalKinds.Change;
        await LoadAsync(cancellationToken);
        if (Soort == ProposalKinds.Change && Lesson is not null) (Title, Statement, Body) = (Lesson.Title, Lesson.Statement, Lesson.Body);
        if (Lesson is not null) BaseRevision = Lesson.Revision;
        if (!string.IsNullOrEmpty(Les) && Lesson is null) AddError("Deze les bestaat niet of is niet gepubliceerd. Kies een les.", "les");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        int? year = null;
        if (!string.IsNullOrWhiteSpace(SourceYear))
        {
            if (int.TryParse(SourceYear.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) year = parsed;
            else AddError("Vul het jaartal in cijfers in, bijvoorbeeld 2012.", "sourceyear");
        }
        if (Errors.Count > 0)
        {
            Response.StatusCode = 400;
            await LoadAsync(cancellationToken);
            return Page();
        }
        return await AttemptAsync(async () =>
        {
            var source = Soort == ProposalKinds.NewSource ? new SourceInput(SourceTitle, SourceAuthor, year, SourceLink, SourceKind) : null;
            var receipt = await mediator.Send(new SubmitProposal(Soort ?? "", Les, Sectie, Themes, Title, Statement, Body, source,
                Motivation ?? "", BaseRevision), cancellationToken);
            return ("Dank u wel. Uw voorstel is verstuurd; de redactie bekijkt het. Hier volgt u wat ermee gebeurt.", ProposalUrls.ForProposer(receipt.Id));
        }, async () =>
        {
            await LoadAsync(cancellationToken);
            // The lesson moved on while this was typed: keep the text, start from the new revision.
            if (Response.StatusCode == 409) BaseRevision = Lesson?.Revision;
        });
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        Lessons = await catalog.PublishedLessonsAsync(cancellationToken);
        Sections = await catalog.SectionsAsync(cancellationToken);
        AllThemes = await catalog.ThemesAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(Les)) Lesson = await catalog.PublishedLessonAsync(Les.Trim(), cancellationToken);
    }

    protected override string? FieldOf(string property) => property.StartsWith("Source.", StringComparison.Ordinal)
        ? "source" + property[7..].ToLowerInvariant()
        : base.FieldOf(property) switch
        {
            "lesson" => "les",
            "section" => "sectie",
            "kind" => "soort",
            "source" => "sourcetitle",
            var field => field,
        };
}
