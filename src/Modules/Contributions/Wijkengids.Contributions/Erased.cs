namespace Wijkengids.Contributions;

/// <summary>What read models show in place of personal data after an erasure (AVG).</summary>
internal static class Erased
{
    public const string Text = "[gewist]";
}
