namespace Wijkengids.SharedKernel;

/// <summary>Rate-limit policies the host defines (per client address, per host; see README).</summary>
public static class RateLimitPolicies
{
    public const string Login = "login";
    public const string Forms = "forms";
}
