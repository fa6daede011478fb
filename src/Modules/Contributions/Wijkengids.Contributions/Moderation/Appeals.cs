namespace Wijkengids.Contributions.Moderation;

/// <summary>
/// An objection to a removal or rejection (docs/adr/0097): the contributor may object once, and an editor other than the
/// one who decided handles it. The same rules for reactions and proposals.
/// </summary>
public static class Appeals
{
    public const string Open = "open";
    public const string Granted = "gegrond";
    public const string Dismissed = "ongegrond";

    public static string DutchName(string? state) => state switch
    {
        Open => "bezwaar in behandeling",
        Granted => "bezwaar gegrond",
        Dismissed => "bezwaar ongegrond",
        _ => "",
    };

    /// <summary>The contributor's motivation for an objection: required, at most 2000 characters; the same words for reactions and proposals.</summary>
    public static IRuleBuilderOptions<T, string> Motivation<T>(this IRuleBuilder<T, string> rule) =>
        rule.RequiredText("Schrijf waarom u het niet eens bent met het besluit.", 2000, "Uw toelichting");

    /// <summary>The contributor may object when the decision allows it and they have not objected before.</summary>
    public static void EnsureCanObject(bool decisionAllowsIt, string? state, string what)
    {
        if (!decisionAllowsIt) throw new RuleViolationException($"Bezwaar maken kan alleen tegen {what}.");
        if (state is not null) throw new RuleViolationException("U hebt al bezwaar gemaakt tegen dit besluit; dat kan één keer.");
    }

    /// <summary>An open objection, decided by another editor than <paramref name="decidedBy"/>.</summary>
    public static ModerationDecision EnsureCanDecide(string? state, string? decidedBy, string editor, bool granted)
    {
        if (state != Open) throw new RuleViolationException("Er staat geen bezwaar open tegen dit besluit.");
        if (decidedBy is not null && decidedBy == editor)
        {
            throw new RuleViolationException("U nam het besluit zelf; een andere redacteur behandelt het bezwaar.");
        }
        return granted ? ModerationDecisions.AppealGranted : ModerationDecisions.AppealDismissed;
    }

    /// <summary>The choice of a form's radio group "gegrond / ongegrond"; none chosen is a validation error.</summary>
    public static bool Chosen(bool? granted) => granted ?? throw new ValidationException(
        [new FluentValidation.Results.ValidationFailure("Granted", "Kies of het bezwaar gegrond of ongegrond is.")]);

    /// <summary>The contributor's objection.</summary>
    internal sealed record Body(string? Motivation);

    /// <summary>An editor's decision on an objection: granted or not, optional words for the contributor, the version seen.</summary>
    internal sealed record DecisionBody(bool Granted, string? Explanation, long? ExpectedVersion);
}
