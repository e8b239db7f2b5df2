using System.Security.Cryptography;
using System.Text;

namespace GdNotebooks.Kernel.Protocol;

/// <summary>
/// HMAC signatures over header, parent header, metadata and content, hex-encoded as jupyter_client writes them.
/// An empty key means unsigned messages (allowed only when the user insists).
/// </summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;
    private readonly HashAlgorithmName _algorithm;

    /// <summary>Creates a signer for <paramref name="scheme"/> (<c>hmac-sha256</c>, or <c>hmac-sha512</c>).</summary>
    /// <exception cref="UsageException">The scheme is not supported.</exception>
    public MessageSigner(string key, string scheme = "hmac-sha256")
    {
        _key = Encoding.UTF8.GetBytes(key);
        _algorithm = scheme switch
        {
            "hmac-sha256" => HashAlgorithmName.SHA256,
            "hmac-sha512" => HashAlgorithmName.SHA512,
            _ => throw UsageException.UnknownChoice("signature_scheme", scheme, ["hmac-sha256", "hmac-sha512"]),
        };
    }

    /// <summary>False when the key is empty: messages then carry an empty signature and are not checked.</summary>
    public bool IsSigning => _key.Length > 0;

    /// <summary>The lowercase hex signature of the four JSON frames (empty when not signing).</summary>
    public string Sign(ReadOnlySpan<byte[]> parts)
    {
        if (!IsSigning) return "";
        using var hmac = IncrementalHash.CreateHMAC(_algorithm, _key);
        foreach (var part in parts) hmac.AppendData(part);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Whether <paramref name="signature"/> (hex) is right for the parts; compared in constant time.</summary>
    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte[]> parts)
    {
        if (!IsSigning) return true;
        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }
}
