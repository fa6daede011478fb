using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Audit.Timeline;
using Wijkengids.SharedKernel;
using Wijkengids.Platform.Web;

namespace Wijkengids.Audit.Pages.Audit;

/// <summary>
/// Provenance of one item: its revisions (author, proposal and contributor, text, review, publication), the editions
/// it appeared in, and "zoek een zin": which revision introduced a sentence. Without an item: a form to give one.
/// </summary>
public sealed class HerkomstModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "item")] public string? Item { get; set; }
    [BindProperty(SupportsGet = true, Name = "zin")] public string? Sentence { get; set; }

    public ItemProvenance? Provenance { get; private set; }
    protected override string? FieldOf(string property) => property == "Item" ? "item" : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Item)) return;
        try
        {
            Provenance = await mediator.Send(new GetItemProvenance(Item, string.IsNullOrWhiteSpace(Sentence) ? null : Sentence), cancellationToken);
        }
        catch (NotFoundException e)
        {
            AddError(e.Message);
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        catch (ValidationException e)
        {
            AddErrors(e);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public static string Link(string item, string? sentence = null) =>
        "/audit/herkomst" + QueryString.Create(new Dictionary<string, string?> { ["item"] = item, ["zin"] = sentence }
            .Where(v => v.Value is not null)).ToUriComponent();
}
