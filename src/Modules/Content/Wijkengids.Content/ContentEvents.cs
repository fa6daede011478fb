using Wijkengids.Content.Items;

namespace Wijkengids.Content;

/// <summary>The module's event types, registered with Marten up front so every projection can read them after a restart.</summary>
internal static class ContentEvents
{
    public static readonly Type[] ItemEventTypes =
    [
        typeof(ItemCreated), typeof(DraftSaved), typeof(RevisionRestored), typeof(SubmittedForReview), typeof(ReviewApproved),
        typeof(ChangesRequested), typeof(ItemPublished), typeof(ItemUnpublished), typeof(ItemArchived),
    ];

    public static readonly Type[] ThemeEventTypes = [typeof(Themes.ThemeDefined), typeof(Themes.ThemeChanged)];

    public static readonly Type[] EditionEventTypes =
        [typeof(Editions.EditionComposed), typeof(Editions.EditionReleased)];

    public static IEnumerable<Type> All => ItemEventTypes.Concat(ThemeEventTypes).Concat(EditionEventTypes);
}
