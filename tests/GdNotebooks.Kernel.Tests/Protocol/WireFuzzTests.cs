using System.Text;
using GdNotebooks.Kernel.Protocol;
using GdNotebooks.Kernel.Protocol.Messages;
using GdNotebooks.Numerics;

namespace GdNotebooks.Kernel.Tests.Protocol;

/// <summary>
/// Thousands of malformed messages on the shell and control channels: none may be executed or answered,
/// and the kernel must still run the next valid cell.
/// </summary>
public sealed class WireFuzzTests : IDisposable
{
    private const int Messages = 10_000;
    private readonly FrontEnd _frontEnd = new();

    public void Dispose() => _frontEnd.Dispose();

    [Fact]
    public void Ten_thousand_malformed_messages_are_dropped_and_a_valid_execute_still_works()
    {
        var random = new Xoshiro256StarStar(20261122);
        var signer = new MessageSigner(FrontEnd.Key);
        var marker = Path.Combine(Path.GetTempPath(), $"gdnb-fuzz-{Guid.NewGuid():N}");
        // Every malformed message that carries code would create this file if it were ever executed.
        string evil = $"System.IO.File.WriteAllText(@\"{marker}\", \"executed\");";
        var valid = _frontEnd.Frames(_frontEnd.Request(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = evil })).ToList();
        int delimiter = valid.FindIndex(f => f.AsSpan().SequenceEqual(WireCodec.Delimiter));
        // A harmless message that is executed once, legitimately, and then replayed thousands of times.
        _frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "var counter = 0;" });
        Assert.Equal("ok", FrontEnd.Text(_frontEnd.NextShell(TimeSpan.FromSeconds(60)).Content, "status"));
        var increment = _frontEnd.Frames(_frontEnd.Request(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "counter++;" })).ToList();
        _frontEnd.Transport.ShellChannel.ClientEnd.Send(increment);
        Assert.Equal("ok", FrontEnd.Text(_frontEnd.NextShell(TimeSpan.FromSeconds(60)).Content, "status"));

        for (int i = 0; i < Messages; i++)
        {
            var frames = i % 9 == 6 ? increment : Mutate(valid, delimiter, i % 9, random, signer);
            var channel = i % 5 == 0 ? _frontEnd.Transport.ControlChannel : _frontEnd.Transport.ShellChannel;
            channel.ClientEnd.Send(frames);
        }

        var request = _frontEnd.SendShell(MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "counter * 42" });
        var reply = _frontEnd.NextShell(TimeSpan.FromSeconds(60));
        Assert.Equal(request.Header.MessageId, reply.ParentHeader?.MessageId);
        Assert.Equal("ok", FrontEnd.Text(reply.Content, "status"));
        var result = Assert.Single(_frontEnd.IoPubUntilIdle(request), m => m.MessageType == MessageTypes.ExecuteResult);
        Assert.Equal("42", result.Content.GetProperty("data").GetProperty("text/plain").GetString());
        Assert.False(File.Exists(marker), "a malformed message was executed");
        Assert.True(_frontEnd.NothingOn(_frontEnd.Transport.ControlChannel.ClientEnd, TimeSpan.FromMilliseconds(100)));
    }

    /// <summary>One malformed variant of a valid signed message; kind picks the kind of damage (6 is the replay, above).</summary>
    private static List<byte[]> Mutate(List<byte[]> valid, int delimiter, int kind, Xoshiro256StarStar random, MessageSigner signer)
    {
        var frames = valid.Select(f => f.ToArray()).ToList();
        switch (kind)
        {
            case 0: // a flipped bit in the header, content or signature
            {
                int frame = delimiter + 1 + random.NextInt(frames.Count - delimiter - 1);
                if (frames[frame].Length > 0) frames[frame][random.NextInt(frames[frame].Length)] ^= (byte)(1 << random.NextInt(8));
                return frames;
            }
            case 1: // no signature
                frames[delimiter + 1] = [];
                return frames;
            case 2: // truncated: frames cut off at a random point
                return frames.Take(1 + random.NextInt(frames.Count - 1)).ToList();
            case 3: // random bytes, no delimiter
                return [RandomBytes(random, 1 + random.NextInt(200))];
            case 4: // validly signed, but not JSON
            {
                byte[][] parts = [RandomBytes(random, 30), Encoding.UTF8.GetBytes("{}"), Encoding.UTF8.GetBytes("{}"), RandomBytes(random, 30)];
                return [WireCodec.Delimiter, Encoding.UTF8.GetBytes(signer.Sign(parts)), .. parts];
            }
            case 5: // validly signed JSON with an unknown message type
            {
                byte[][] parts = [Encoding.UTF8.GetBytes($"{{\"msg_id\":\"{Guid.NewGuid()}\",\"msg_type\":\"rm_rf_request\",\"session\":\"s\",\"username\":\"u\",\"date\":\"2026-01-01T00:00:00Z\",\"version\":\"5.3\"}}"),
                    Encoding.UTF8.GetBytes("{}"), Encoding.UTF8.GetBytes("{}"), Encoding.UTF8.GetBytes("{}")];
                return [WireCodec.Delimiter, Encoding.UTF8.GetBytes(signer.Sign(parts)), .. parts];
            }
            case 7: // oversized content with a forged signature
            {
                frames[^1] = new byte[2 * 1024 * 1024 + random.NextInt(1024)];
                return frames;
            }
            default: // signature of another message
                frames[delimiter + 1] = Encoding.UTF8.GetBytes(signer.Sign([RandomBytes(random, 10)]));
                return frames;
        }
    }

    private static byte[] RandomBytes(Xoshiro256StarStar random, int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte)random.NextInt(256);
        return bytes;
    }
}
