using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Wijkengids.Contributions.Proposals;

/// <summary>One run of a word-level diff: "same", "deleted" (only in the old text) or "inserted". Pages encode <see cref="Text"/>.</summary>
public sealed record DiffRun(string Change, string Text);

/// <summary>A labelled field of a comparison (title, statement, text) with its runs; <see cref="Changed"/> when anything differs.</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffRun> Runs)
{
    public bool Changed => Runs.Any(r => r.Change != TextDiff.Same);
}

/// <summary>Word-by-word comparison of plain text (DiffPlex's inline builder with its word chunker), adjacent runs of one kind joined.</summary>
public static class TextDiff
{
    public const string Same = "same";
    public const string Deleted = "deleted";
    public const string Inserted = "inserted";

    private static readonly InlineDiffBuilder Builder = new(Differ.Instance);

    public static IReadOnlyList<DiffRun> Words(string? before, string? after)
    {
        var model = Builder.BuildDiffModel(before ?? "", after ?? "", ignoreWhitespace: false, ignoreCase: false, WordChunker.Instance);
        var runs = new List<DiffRun>();
        foreach (var piece in model.Lines)
        {
            var change = piece.Type switch { ChangeType.Deleted => Deleted, ChangeType.Inserted => Inserted, _ => Same };
            if (runs.Count > 0 && runs[^1].Change == change) runs[^1] = runs[^1] with { Text = runs[^1].Text + piece.Text };
            else runs.Add(new DiffRun(change, piece.Text ?? ""));
        }
        return runs;
    }

    /// <summary>Title, statement and text of a lesson compared; fields that are equal are left out.</summary>
    public static IReadOnlyList<FieldDiff> Lesson((string? Title, string? Statement, string? Body) before, (string? Title, string? Statement, string? Body) after) =>
        new[]
        {
            new FieldDiff("Titel", Words(before.Title, after.Title)),
            new FieldDiff("Stelling", Words(before.Statement, after.Statement)),
            new FieldDiff("Tekst", Words(before.Body, after.Body)),
        }.Where(f => f.Changed).ToList();
}
