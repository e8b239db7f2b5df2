using System.Text.Json;
using System.Text.Json.Nodes;
using GdNotebooks.Kernel.Protocol;
using GdNotebooks.Kernel.Protocol.Messages;

namespace GdNotebooks.Kernel.Tests.Protocol;

public sealed class WireCodecTests
{
    private static readonly IReadOnlyDictionary<string, JsonNode> Bundle = new Dictionary<string, JsonNode> { ["text/plain"] = JsonValue.Create("2") };
    private static readonly IReadOnlyDictionary<string, JsonNode> None = new Dictionary<string, JsonNode>();

    public static TheoryData<string, object> EveryMessage() => new()
    {
        { MessageTypes.KernelInfoRequest, new { } },
        { MessageTypes.KernelInfoReply, new KernelInfoReply { ImplementationVersion = "1.0", LanguageInfo = new LanguageInfo() } },
        { MessageTypes.ExecuteRequest, new ExecuteRequest { Code = "1 + 1" } },
        { MessageTypes.ExecuteReply, new ExecuteReply { ExecutionCount = 3, Payload = [] } },
        { MessageTypes.IsCompleteRequest, new IsCompleteRequest("x") },
        { MessageTypes.IsCompleteReply, new IsCompleteReply("incomplete", "    ") },
        { MessageTypes.CompleteRequest, new CompleteRequest("Ma", 2) },
        { MessageTypes.CompleteReply, new CompleteReply { Matches = ["Math"], CursorStart = 0, CursorEnd = 2 } },
        { MessageTypes.InspectRequest, new InspectRequest("Math", 2, 1) },
        { MessageTypes.InspectReply, new InspectReply { Found = true, Data = Bundle } },
        { MessageTypes.HistoryRequest, new HistoryRequest { AccessType = "search", Pattern = "a*", Unique = true } },
        { MessageTypes.HistoryReply, new HistoryReply([new JsonArray(1, 2, "x")]) },
        { MessageTypes.CommInfoReply, new CommInfoReply() },
        { MessageTypes.CommClose, new CommClose { CommId = "c1" } },
        { MessageTypes.ShutdownRequest, new ShutdownRequest(true) },
        { MessageTypes.ShutdownReply, new ShutdownReply(true) },
        { MessageTypes.InterruptReply, new InterruptReply() },
        { MessageTypes.Status, new StatusContent("busy") },
        { MessageTypes.ExecuteInput, new ExecuteInputContent("1", 1) },
        { MessageTypes.Stream, new StreamOutputContent("stdout", "héllo ✓\n") },
        { MessageTypes.DisplayData, new DisplayDataContent(Bundle, None, new Transient("d1")) },
        { MessageTypes.UpdateDisplayData, new UpdateDisplayDataContent(Bundle, None, new Transient("d1")) },
        { MessageTypes.ExecuteResult, new ExecuteResultContent(1, Bundle, None) },
        { MessageTypes.Error, new ErrorContent("E", "v", ["a", "b"]) },
        { MessageTypes.ClearOutput, new ClearOutputContent(true) },
    };

    [Theory]
    [MemberData(nameof(EveryMessage))]
    public void Every_message_type_round_trips_signed(string type, object content)
    {
        var codec = new WireCodec(new MessageSigner("k"));
        var session = new MessageSession();
        var parent = session.Create("parent_request", new { }, null);
        var message = session.Create(type, content, parent.Header, [FrontEnd.Utf8("id")]);
        var decoded = codec.Decode(codec.Encode(message));

        Assert.Equal(type, decoded.MessageType);
        Assert.Equal(message.Header.MessageId, decoded.Header.MessageId);
        Assert.Equal(parent.Header.MessageId, decoded.ParentHeader?.MessageId);
        Assert.Equal(JsonSerializer.Serialize(message.Content), JsonSerializer.Serialize(decoded.Content));
        Assert.Equal(FrontEnd.Utf8("id"), Assert.Single(decoded.Identities));
    }

    [Fact]
    public void Unknown_header_fields_survive_into_the_parent_header()
    {
        var codec = new WireCodec(new MessageSigner("k"));
        var header = """{"msg_id":"m1","session":"s","username":"u","date":"2026-01-01T00:00:00Z","msg_type":"kernel_info_request","version":"5.3","subshell_id":"x"}""";
        byte[][] parts = [FrontEnd.Utf8(header), FrontEnd.Utf8("{}"), FrontEnd.Utf8("{}"), FrontEnd.Utf8("{}")];
        var decoded = codec.Decode([WireCodec.Delimiter, FrontEnd.Utf8(codec.Signer.Sign(parts)), .. parts]);
        var reply = new MessageSession().Create("kernel_info_reply", new { }, decoded.Header);
        var again = new WireCodec(new MessageSigner("k"), new ReplayGuard()).Decode(codec.Encode(reply));
        Assert.Equal("x", again.ParentHeader!.Extra!["subshell_id"].GetString());
    }

    [Fact]
    public void Signature_is_hmac_sha256_hex_over_the_four_parts()
    {
        byte[][] parts = [FrontEnd.Utf8("{\"a\":1}"), FrontEnd.Utf8("{}"), FrontEnd.Utf8("{}"), FrontEnd.Utf8("{}")];
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(FrontEnd.Utf8("key"), parts.SelectMany(p => p).ToArray()));
        Assert.Equal(expected, new MessageSigner("key").Sign(parts));
    }

    [Fact]
    public void Unsigned_codec_accepts_empty_signatures()
    {
        var codec = new WireCodec(new MessageSigner(""));
        var message = new MessageSession().Create("status", new StatusContent("idle"), null);
        var frames = codec.Encode(message);
        Assert.Empty(frames[1]);
        Assert.Equal("status", codec.Decode(frames).MessageType);
    }

    [Fact]
    public void Rejections_say_why()
    {
        var codec = new WireCodec(new MessageSigner("k"));
        Assert.Contains("delimiter", Assert.Throws<MessageRejectedException>(() => codec.Decode([FrontEnd.Utf8("x")])).Message);
        Assert.Contains("truncated", Assert.Throws<MessageRejectedException>(() => codec.Decode([WireCodec.Delimiter, FrontEnd.Utf8("ab")])).Message);
        byte[][] parts = [FrontEnd.Utf8("[]"), FrontEnd.Utf8("{}"), FrontEnd.Utf8("{}"), FrontEnd.Utf8("{}")];
        Assert.Contains("bad signature", Assert.Throws<MessageRejectedException>(() => codec.Decode([WireCodec.Delimiter, FrontEnd.Utf8("00"), .. parts])).Message);
        Assert.Contains("invalid JSON", Assert.Throws<MessageRejectedException>(() => codec.Decode([WireCodec.Delimiter, FrontEnd.Utf8(codec.Signer.Sign(parts)), .. parts])).Message);
    }

    [Fact]
    public void Replay_guard_forgets_the_oldest_beyond_its_capacity()
    {
        var guard = new ReplayGuard(capacity: 2);
        Assert.True(guard.TryAccept("a"));
        Assert.False(guard.TryAccept("a"));
        Assert.True(guard.TryAccept("b"));
        Assert.True(guard.TryAccept("c"));
        Assert.True(guard.TryAccept("a"));
    }

    [Fact]
    public void Cursor_offsets_count_code_points()
    {
        var text = "x = \"😀\"; Ma";
        Assert.Equal(text.Length, CursorOffsets.ToUtf16(text, text.Length - 1));
        Assert.Equal(text.Length - 1, CursorOffsets.ToCodePoints(text, text.Length));
        Assert.Equal(3, CursorOffsets.ToUtf16("abc", 99));
    }
}
