using System.Net;
using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace Wijkengids.Platform.Text;

/// <summary>One piece of a word-level diff: unchanged, deleted (only in the old text) or inserted.</summary>
public sealed record DiffPiece(string Change, string Text)
{
    public const string Same = "same";
    public const string Deleted = "deleted";
    public const string Inserted = "inserted";
}

/// <summary>
/// The one word diff of the platform (Content's history and editions, proposals, the audit's provenance).
/// A readable inline diff for prose (DiffPlex, word by word): the old and new text interleaved, deletions and
/// insertions marked, whitespace kept so paragraphs stay paragraphs.
/// </summary>
public static class WordDiff
{
    public static IReadOnlyList<DiffPiece> Compare(string? oldText, string? newText)
    {
        oldText ??= "";
        newText ??= "";
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var pieces = new List<DiffPiece>();
        var a = 0;
        var b = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (a < block.DeleteStartA && b < block.InsertStartB) { Add(pieces, DiffPiece.Same, result.PiecesOld[a]); a++; b++; }
            for (var i = 0; i < block.DeleteCountA; i++) Add(pieces, DiffPiece.Deleted, result.PiecesOld[a++]);
            for (var i = 0; i < block.InsertCountB; i++) Add(pieces, DiffPiece.Inserted, result.PiecesNew[b++]);
        }
        while (a < result.PiecesOld.Count) Add(pieces, DiffPiece.Same, result.PiecesOld[a++]);
        return Grouped(pieces);
    }

    /// <summary>
    /// "de bewoners" → "iedereen die er woont" reads as one deletion and one insertion, not as word pairs around
    /// an unchanged space: changes separated only by whitespace are joined.
    /// </summary>
    private static IReadOnlyList<DiffPiece> Grouped(List<DiffPiece> pieces)
    {
        var grouped = new List<DiffPiece>();
        var deleted = new StringBuilder();
        var inserted = new StringBuilder();
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var inRun = deleted.Length + inserted.Length > 0;
            var joins = piece.Change == DiffPiece.Same && inRun && string.IsNullOrWhiteSpace(piece.Text) && !piece.Text.Contains('\n') &&
                        i + 1 < pieces.Count && pieces[i + 1].Change != DiffPiece.Same;
            if (piece.Change == DiffPiece.Deleted) deleted.Append(piece.Text);
            else if (piece.Change == DiffPiece.Inserted) inserted.Append(piece.Text);
            else if (joins)
            {
                deleted.Append(piece.Text);
                inserted.Append(piece.Text);
            }
            else
            {
                Flush();
                grouped.Add(piece);
            }
        }
        Flush();
        return grouped;

        void Flush()
        {
            if (deleted.Length > 0) grouped.Add(new DiffPiece(DiffPiece.Deleted, deleted.ToString()));
            if (inserted.Length > 0) grouped.Add(new DiffPiece(DiffPiece.Inserted, inserted.ToString()));
            deleted.Clear();
            inserted.Clear();
        }
    }

    public static bool HasChanges(IReadOnlyList<DiffPiece> pieces) => pieces.Any(p => p.Change != DiffPiece.Same);

    /// <summary>HTML with &lt;del&gt; and &lt;ins&gt;; every piece of text is encoded.</summary>
    public static string ToHtml(IReadOnlyList<DiffPiece> pieces)
    {
        var html = new StringBuilder();
        foreach (var piece in pieces)
        {
            var text = WebUtility.HtmlEncode(piece.Text);
            html.Append(piece.Change switch
            {
                DiffPiece.Deleted => $"<del>{text}</del>",
                DiffPiece.Inserted => $"<ins>{text}</ins>",
                _ => text,
            });
        }
        return html.ToString();
    }

    /// <summary>Adjacent pieces of the same change are merged, so the markup stays small.</summary>
    private static void Add(List<DiffPiece> pieces, string change, string text)
    {
        if (pieces.Count > 0 && pieces[^1].Change == change) pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
        else pieces.Add(new DiffPiece(change, text));
    }
}
