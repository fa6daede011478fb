namespace Wijkengids.Contributions.Moderation;

/// <summary>One reason from the fixed list: its stable code (stored in events, sent in the API) and how it reads.</summary>
public sealed record ModerationReason(string Code, string Name, string Explanation);

/// <summary>
/// The fixed, public list of reasons for moderation decisions (docs/adr/0097). Every decision on a reaction or a proposal
/// carries one code from it; the codes are stable because they are stored in the history and published in the log and API.
/// Which codes a decision accepts, and the code it gets when the editor gives none, is in <see cref="ModerationDecisions"/>.
/// </summary>
public static class ModerationReasons
{
    public const string Relevant = "relevant";
    public const string Included = "opgenomen";
    public const string Answered = "beantwoord";
    public const string Spam = "spam";
    public const string OffTopic = "buiten-onderwerp";
    public const string PersonalData = "persoonsgegevens";
    public const string Offensive = "ongepast";
    public const string Duplicate = "dubbel";
    public const string Unfounded = "onvoldoende-onderbouwd";
    public const string Corrected = "besluit-herzien";
    public const string Upheld = "besluit-blijft";

    public static readonly IReadOnlyList<ModerationReason> All =
    [
        new(Relevant, "relevant voor lezers", "De bijdrage helpt lezers van de gids en staat bij de paragraaf of les."),
        new(Included, "opgenomen", "De bijdrage is verwerkt in de tekst van de gids."),
        new(Answered, "beantwoord", "De redactie heeft de vraag of opmerking beantwoord."),
        new(Spam, "spam", "Reclame, onzin of automatisch verstuurde berichten."),
        new(OffTopic, "buiten onderwerp", "De bijdrage gaat niet over de wijkaanpak of over deze paragraaf of les."),
        new(PersonalData, "persoonsgegevens", "De bijdrage noemt of toont gegevens van personen die niet openbaar horen."),
        new(Offensive, "ongepast", "Beledigend, discriminerend of bedreigend."),
        new(Duplicate, "dubbel", "Hetzelfde is al eerder ingebracht; de bijdragen worden samen behandeld."),
        new(Unfounded, "onvoldoende onderbouwd", "De bijdrage mist een bron, voorbeeld of toelichting om haar te kunnen beoordelen."),
        new(Corrected, "besluit herzien", "Bij bezwaar: een andere redacteur vond het eerdere besluit niet juist."),
        new(Upheld, "besluit blijft", "Bij bezwaar: een andere redacteur bevestigde het eerdere besluit."),
    ];

    private static readonly Dictionary<string, ModerationReason> ByCode = All.ToDictionary(r => r.Code);

    public static bool Exists(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>The reason in words; "niet vastgelegd" for a decision recorded before reasons had codes.</summary>
    public static string DutchName(string? code) => code is not null && ByCode.TryGetValue(code, out var r) ? r.Name : "niet vastgelegd";
}

/// <summary>
/// A kind of decision: its stable code (the status in messages and the log's API), how the public log words it, the
/// reasons it may carry and its default reason.
/// </summary>
public sealed record ModerationDecision(string Code, string Outcome, IReadOnlyList<string> Reasons, string? DefaultReason)
{
    /// <summary>The code to record: the editor's, or the default; null when the editor must choose and did not.</summary>
    public string? Resolve(string? given) => string.IsNullOrWhiteSpace(given) ? DefaultReason : given.Trim();

    public bool Allows(string? given) => Resolve(given) is { } code && Reasons.Contains(code);

    /// <summary>The validation message for a missing or unfitting code: which codes this decision accepts.</summary>
    public string Message => $"Kies een reden voor '{Outcome}': {string.Join(", ", Reasons)}.";
}

/// <summary>Every moderation decision and the reason codes it accepts.</summary>
public static class ModerationDecisions
{
    private static readonly string[] Removal =
        [ModerationReasons.OffTopic, ModerationReasons.PersonalData, ModerationReasons.Offensive, ModerationReasons.Duplicate, ModerationReasons.Unfounded];

    public static readonly ModerationDecision ReactionPublished = new("gepubliceerd", "gepubliceerd", [ModerationReasons.Relevant], ModerationReasons.Relevant);
    public static readonly ModerationDecision ReactionUnpublished = new("teruggetrokken", "teruggetrokken", Removal, null);
    public static readonly ModerationDecision ReactionAnswered = new("beantwoord", "beantwoord", [ModerationReasons.Answered], ModerationReasons.Answered);
    public static readonly ModerationDecision ReactionHandled = new("afgehandeld", "afgehandeld",
        [ModerationReasons.Answered, ModerationReasons.Included, .. Removal], ModerationReasons.Answered);
    public static readonly ModerationDecision ReactionSpam = new("spam", "verborgen als spam", [ModerationReasons.Spam], ModerationReasons.Spam);
    public static readonly ModerationDecision ProposalAccepted = new("geaccepteerd", "geaccepteerd", [ModerationReasons.Included], ModerationReasons.Included);
    public static readonly ModerationDecision ProposalRejected = new("afgewezen", "afgewezen", Removal, null);
    public static readonly ModerationDecision ProposalMerged = new("samengevoegd", "samengevoegd", [ModerationReasons.Duplicate], ModerationReasons.Duplicate);
    public static readonly ModerationDecision ProposalInformationRequested = new("meer-informatie", "meer informatie gevraagd",
        [ModerationReasons.Unfounded], ModerationReasons.Unfounded);
    public static readonly ModerationDecision AppealGranted = new("bezwaar-gegrond", "bezwaar gegrond", [ModerationReasons.Corrected], ModerationReasons.Corrected);
    public static readonly ModerationDecision AppealDismissed = new("bezwaar-ongegrond", "bezwaar ongegrond", [ModerationReasons.Upheld], ModerationReasons.Upheld);

    public static readonly IReadOnlyList<ModerationDecision> All =
    [
        ReactionPublished, ReactionUnpublished, ReactionAnswered, ReactionHandled, ReactionSpam,
        ProposalAccepted, ProposalRejected, ProposalMerged, ProposalInformationRequested, AppealGranted, AppealDismissed,
    ];
}
