namespace Wijkengids.Contributions.Moderation;

/// <summary>The reason list of one decision in a form (the partial _Reden): the codes it accepts, its default preselected.</summary>
public sealed record ReasonChoice(ModerationDecision Decision, string Id);
