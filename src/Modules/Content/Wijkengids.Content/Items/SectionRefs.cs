namespace Wijkengids.Content.Items;

/// <summary>
/// Sections by number and by permanent id, as editors' texts name them: editors type numbers ("1.4"), a lesson stores the
/// ids as well, and a form shows the numbers the sections have now (docs/adr/0107).
/// </summary>
internal static class SectionRefs
{
    /// <summary>The (not archived) sections that hold these numbers now: number → id.</summary>
    public static async Task<Dictionary<string, Guid>> IdsOfAsync(IQuerySession session, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        if (numbers.Count == 0) return [];
        var wanted = numbers.ToArray();
        var found = await session.Query<ItemState>()
            .Where(i => i.Kind == ItemKinds.Section && i.Status != ItemStatus.Archived && wanted.Contains(i.Number))
            .Select(i => new { i.Id, i.Number }).ToListAsync(cancellationToken);
        return found.GroupBy(f => f.Number!).ToDictionary(g => g.Key, g => g.First().Id);
    }

    /// <summary>
    /// The text with the numbers its sections have now: by id where the revision recorded them (a renumbered section shows
    /// its new number), else as written.
    /// </summary>
    public static async Task<ItemText> WithCurrentNumbersAsync(IQuerySession session, ItemText text, CancellationToken cancellationToken)
    {
        if (text.SectionIds is not { Count: > 0 } ids) return text;
        var wanted = ids.ToArray();
        var numbers = (await session.Query<ItemState>().Where(i => wanted.Contains(i.Id)).Select(i => new { i.Id, i.Number })
            .ToListAsync(cancellationToken)).ToDictionary(i => i.Id, i => i.Number);
        return text with
        {
            Sections = ids.Select((id, at) => numbers.GetValueOrDefault(id) ?? (at < text.Sections.Count ? text.Sections[at] : null))
                .OfType<string>().ToList(),
        };
    }
}
