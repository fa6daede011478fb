namespace Wijkengids.Content.Items;

/// <summary>The steps of an item's workflow, by the name the API and the forms use.</summary>
public static class ItemSteps
{
    public const string Submit = "submit";
    public const string Approve = "approve";
    public const string RequestChanges = "request-changes";
    public const string Publish = "publish";
    public const string Unpublish = "unpublish";
    public const string Archive = "archive";

    public static readonly IReadOnlyList<string> All = [Submit, Approve, RequestChanges, Publish, Unpublish, Archive];

    internal const string ExpectedVersionMessage = "Geef de versie op waarop u deze wijziging baseert (expectedVersion).";

    public static string DutchName(string step) => step switch
    {
        Submit => "Ter review aanbieden",
        Approve => "Goedkeuren",
        RequestChanges => "Wijzigingen vragen",
        Publish => "Publiceren",
        Unpublish => "Offline halen",
        Archive => "Archiveren",
        _ => step,
    };

    /// <summary>Dutch confirmation after the step succeeded.</summary>
    public static string Done(string step) => step switch
    {
        Submit => "ter review aangeboden",
        Approve => "goedgekeurd",
        RequestChanges => "teruggestuurd met uw opmerkingen",
        Publish => "gepubliceerd",
        Unpublish => "offline gehaald",
        Archive => "gearchiveerd",
        _ => step,
    };
}
