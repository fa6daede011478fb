using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wijkengids.Audit.Timeline;
using Wijkengids.SharedKernel;
using Wijkengids.Platform.Web;

namespace Wijkengids.Audit.Pages.Audit;

/// <summary>The auditors' timeline: filters (combined), newest or oldest first, keyset paging, grouped by action.</summary>
public sealed class IndexModel(IMediator mediator) : FormPageModel
{
    [BindProperty(SupportsGet = true, Name = "item")] public string? Item { get; set; }
    [BindProperty(SupportsGet = true, Name = "over")] public string? About { get; set; }
    [BindProperty(SupportsGet = true, Name = "actor")] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "module")] public string? Module { get; set; }
    [BindProperty(SupportsGet = true, Name = "soort")] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true, Name = "handeling")] public string? Correlation { get; set; }
    [BindProperty(SupportsGet = true, Name = "van")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true, Name = "tot")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "volgorde")] public string? Order { get; set; }
    [BindProperty(SupportsGet = true, Name = "voor")] public long? Before { get; set; }
    [BindProperty(SupportsGet = true, Name = "na")] public long? After { get; set; }

    public bool OldestFirst => Order == "oudste";
    public TimelinePage? Timeline { get; private set; }
    public TimelineFilterOptions Options { get; private set; } = new([], [], []);
    public override string ErrorTitle => "Het zoeken lukte niet";

    protected override string? FieldOf(string property) => property switch
    {
        "Filter.From" => "van",
        "Filter.To" => "tot",
        "Filter.Item" => "item",
        "Filter.Actor" => "actor",
        "Filter.Module" => "module",
        "Filter.Kind" => "soort",
        _ => null,
    };

    public TimelineFilter Filter => new(Item, Actor, Module, Kind, Correlation, From, To, About);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Options = await mediator.Send(new GetTimelineFilterOptions(), cancellationToken);
        if (!ModelState.IsValid)
        {
            AddError("Controleer de filters: vul bij datums een geldige datum in en bij posities een heel getal.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        try
        {
            Timeline = await mediator.Send(new ReadTimeline(Filter, OldestFirst, Before, After), cancellationToken);
        }
        catch (ValidationException e)
        {
            AddErrors(e);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>This page's address with the current filters, changed by <paramref name="changes"/> (null removes).</summary>
    public string Link(params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["item"] = Item, ["over"] = About, ["actor"] = Actor, ["module"] = Module, ["soort"] = Kind, ["handeling"] = Correlation,
            ["van"] = From?.ToString("yyyy-MM-dd"), ["tot"] = To?.ToString("yyyy-MM-dd"), ["volgorde"] = Order,
        };
        foreach (var (key, value) in changes) values[key] = value;
        return QueryString.Create(values.Where(v => !string.IsNullOrWhiteSpace(v.Value))).ToUriComponent() is { Length: > 0 } query
            ? "/audit" + query
            : "/audit";
    }

    /// <summary>The export of everything this filter finds (the API streams it as a download).</summary>
    public string ExportLink(string format) => "/api/audit/export" + QueryString.Create(new Dictionary<string, string?>
    {
        ["format"] = format, ["item"] = Item, ["about"] = About, ["actor"] = Actor, ["module"] = Module, ["kind"] = Kind, ["correlationId"] = Correlation,
        ["from"] = From?.ToString("yyyy-MM-dd"), ["to"] = To?.ToString("yyyy-MM-dd"), ["order"] = OldestFirst ? "oldest" : "newest",
    }.Where(v => !string.IsNullOrWhiteSpace(v.Value))).ToUriComponent();

    /// <summary>A new search for one value only (a person, an item, an action).</summary>
    public static string Only(string key, string value) => "/audit" + QueryString.Create(key, value).ToUriComponent();
}
