using System.Security.Cryptography;
using System.Text;

namespace Wijkengids.Community.Shared;

internal static class StableIds
{
    /// <summary>A stable id for an imported item ("person:p08"), so importing again finds what is already there.</summary>
    public static Guid For(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("wijkengids:" + key));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-style
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
