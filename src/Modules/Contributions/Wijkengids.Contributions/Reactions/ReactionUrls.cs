namespace Wijkengids.Contributions.Reactions;

public static class ReactionUrls
{
    /// <summary>The sender's own page of a reaction: its status, the decision and its reason, and where to object.</summary>
    public static string ForSender(Guid id) => $"/mijn-bijdragen/reacties/{id}";

    public static string Appeal(Guid id) => ForSender(id);
}
