using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GdNotebooks.Kernel;

/// <summary>
/// Draws the kernel's logo, a loss bowl with a descent path of dots rolling to its minimum, and encodes it as
/// PNG without any imaging library.
/// </summary>
public static class KernelLogo
{
    /// <summary>The logo as PNG bytes, <paramref name="size"/> pixels square.</summary>
    public static byte[] Png(int size = 64)
    {
        var pixels = new byte[size * size * 4];
        void Plot(double x, double y, double radius, (byte R, byte G, byte B) color)
        {
            for (var py = 0; py < size; py++)
            for (var px = 0; px < size; px++)
            {
                var distance = Math.Sqrt((px + 0.5 - x) * (px + 0.5 - x) + (py + 0.5 - y) * (py + 0.5 - y));
                var coverage = Math.Clamp(radius + 0.5 - distance, 0, 1);
                if (coverage <= 0) continue;
                var i = (py * size + px) * 4;
                var a = pixels[i + 3] / 255.0;
                var outA = coverage + a * (1 - coverage);
                pixels[i] = (byte)((color.R * coverage + pixels[i] * a * (1 - coverage)) / outA);
                pixels[i + 1] = (byte)((color.G * coverage + pixels[i + 1] * a * (1 - coverage)) / outA);
                pixels[i + 2] = (byte)((color.B * coverage + pixels[i + 2] * a * (1 - coverage)) / outA);
                pixels[i + 3] = (byte)(outA * 255);
            }
        }

        double Bowl(double u) => 0.15 + 0.7 * u * u;   // u in [-1, 1] → height fraction from the bottom
        var s = size / 64.0;
        for (var t = -1.0; t <= 1.0; t += 0.01)
            Plot(size / 2.0 + t * size * 0.42, size * (0.92 - Bowl(t) * 0.95), 1.6 * s, (0x2b, 0x57, 0x9a));
        var u0 = -0.9;
        for (var step = 0; step < 6; step++, u0 *= 0.55)
            Plot(size / 2.0 + u0 * size * 0.42, size * (0.92 - Bowl(u0) * 0.95) - 3 * s, (3.6 - step * 0.35) * s, (0xe3, 0x6c, 0x0a));
        return Encode(pixels, size);
    }

    private static byte[] Encode(byte[] rgba, int size)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8;  // bit depth
        header[9] = 6;  // RGBA
        Chunk(png, "IHDR", header);
        using (var raw = new MemoryStream())
        {
            using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
                for (var row = 0; row < size; row++)
                {
                    zlib.WriteByte(0);  // filter: none
                    zlib.Write(rgba, row * size * 4, size * 4);
                }
            Chunk(png, "IDAT", raw.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeBytes, data));
        png.Write(number);
    }

    // CRC-32 (ISO 3309, polynomial 0xEDB88320) over the chunk type and data, as PNG requires.
    private static uint Crc32(byte[] type, byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in type.Concat(data))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
