using Wijkengids.Platform.Text;

namespace Wijkengids.Contributions.Proposals;

/// <summary>A labelled field of a comparison (title, statement, text) with its runs; <see cref="Changed"/> when anything differs.</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffPiece> Runs)
{
    public bool Changed => WordDiff.HasChanges(Runs);
}

/// <summary>A proposal's lesson fields compared word by word (<see cref="WordDiff"/>).</summary>
public static class TextDiff
{
    /// <summary>Title, statement and text of a lesson compared; fields that are equal are left out.</summary>
    public static IReadOnlyList<FieldDiff> Lesson((string? Title, string? Statement, string? Body) before, (string? Title, string? Statement, string? Body) after) =>
        new[]
        {
            new FieldDiff("Titel", WordDiff.Compare(before.Title, after.Title)),
            new FieldDiff("Stelling", WordDiff.Compare(before.Statement, after.Statement)),
            new FieldDiff("Tekst", WordDiff.Compare(before.Body, after.Body)),
        }.Where(f => f.Changed).ToList();
}
