using Wijkengids.Platform.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Content.Items;
using Wijkengids.Content.Reading;
using Wijkengids.Content.Rendering;

namespace Wijkengids.Content.Pages.Redactie;

/// <summary>A page with the item form (new item, edit item): the fields per kind, a preview, the themes to pick from.</summary>
public abstract class ItemFormPageModel(IMediator mediator) : FormPageModel
{
    protected override bool NotFoundIsThe404Page => true;
    protected override string ChangedMeanwhile => "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen.";

    protected IMediator Mediator => mediator;

    [BindProperty] public ItemForm Form { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public string Kind { get; protected set; } = ItemKinds.Lesson;
    public IReadOnlyList<ThemeSummary> AllThemes { get; private set; } = [];
    public string? PreviewHtml { get; private set; }

    protected async Task LoadThemesAsync(CancellationToken cancellationToken) =>
        AllThemes = await mediator.Send(new ListThemes(), cancellationToken);

    /// <summary>Shows the body as readers would see it, keeping everything typed in the form.</summary>
    protected void Preview() => PreviewHtml = ContentMarkdown.ToHtml(Form.Body);

    /// <summary>The form's text; what cannot be read (a year that is no number) is a validation error per field.</summary>
    protected ItemText ReadForm()
    {
        var (text, errors) = Form.ToText();
        return text ?? throw new FluentValidation.ValidationException(errors.Select(e => new FluentValidation.Results.ValidationFailure(e.Field, e.Message)));
    }

    public bool Uses(string field) => field switch
    {
        "number" => Kind is ItemKinds.Chapter or ItemKinds.Section,
        "summary" => Kind == ItemKinds.Chapter,
        "statement" or "sources" or "themes" or "sections" => Kind == ItemKinds.Lesson,
        "date" or "categories" or "author" => Kind == ItemKinds.News,
        _ => true,
    };
}
