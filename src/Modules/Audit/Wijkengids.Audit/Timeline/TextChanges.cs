using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Wijkengids.Audit.Timeline;

/// <summary>A run of text in a comparison of two revisions: <c>same</c>, <c>deleted</c> (only in the older one) or <c>inserted</c>.</summary>
public sealed record TextChange(string Change, string Text);

/// <summary>What a revision changed in the text of the one before it, word by word (DiffPlex), runs of one kind merged.</summary>
internal static class TextChanges
{
    public static IReadOnlyList<TextChange> Between(string older, string newer)
    {
        var runs = new List<TextChange>();
        foreach (var piece in InlineDiffBuilder.Diff(older, newer, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance).Lines)
        {
            var change = piece.Type switch
            {
                ChangeType.Deleted => "deleted",
                ChangeType.Inserted => "inserted",
                _ => "same",
            };
            if (runs.Count > 0 && runs[^1].Change == change) runs[^1] = runs[^1] with { Text = runs[^1].Text + piece.Text };
            else runs.Add(new TextChange(change, piece.Text));
        }
        return runs;
    }
}
