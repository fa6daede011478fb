namespace Wijkengids.Content.Items;

/// <summary>An item as editors see it: the latest revision (draft or not) and where it stands.</summary>
public sealed record ItemDetail(Guid Id, long Version, string Kind, string Slug, int Revision, ItemStatus Status, ItemText Text,
    string LastAuthor, DateTimeOffset CreatedAt, DateTimeOffset LastChangedAt, string? ReviewComment, string? Reviewer,
    int? PublishedRevision, DateTimeOffset? PublishedAt, string PublicUrl, string EditUrl)
{
    public static ItemDetail From(ItemState s) => new(s.Id, s.Version, s.Kind, s.Slug, s.Revision, s.Status, s.Text, s.LastAuthor,
        s.CreatedAt, s.LastChangedAt, s.ReviewComment, s.Reviewer, s.PublishedRevision, s.PublishedAt,
        ItemKinds.PublicUrl(s.Kind, s.Slug, s.Text.Number), EditUrlOf(s.Id));

    public static string EditUrlOf(Guid id) => $"/redactie/items/{id}";
}
