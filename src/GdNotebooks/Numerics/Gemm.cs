using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GdNotebooks.Numerics;

/// <summary>
/// Small dense float32 matrix products C = op(A)·B for the fast training path, all row-major:
/// <c>C[i, j] = start(i, j) + Σ_{p &lt; k} A(i, p)·B[p, j]</c>, with A(i, p) = <c>a[i·lda + p]</c> for
/// <see cref="Multiply"/> and <c>a[p·lda + i]</c> for <see cref="MultiplyTransposedA"/> (so Aᵀ·B needs no transpose).
/// <para>
/// Register tiles of 6 rows × 16 columns (twelve <see cref="Vector256{T}"/> accumulators, AVX2 + FMA): each step of
/// the sum loads two vectors of B's row p, broadcasts six entries of A and issues twelve fused multiply-adds, enough
/// independent chains to cover the FMA latency on both pipes (measured 20–30% faster than 4 × 16 on Zen 3). Leftover
/// rows use 4-, 2- and 1-row tiles, leftover columns 8-wide tiles, then scalar <see cref="MathF.FusedMultiplyAdd"/>.
/// </para>
/// <para>
/// Every entry of C is one chain acc ← fma(A(i,p), B[p,j], acc) for p = 0 … k−1 from its start value, whichever tile or
/// tail computes it. So results are bit-identical for any shape split, thread count or machine with FMA; NaN and
/// infinities propagate as IEEE arithmetic says. What happens to the accumulator at the start and the end (bias,
/// ReLU, gradient mask, SGD update) is an <see cref="IGemmEpilogue"/> fused into the store.
/// </para>
/// </summary>
public static class Gemm
{

    /// <summary>
    /// Sums longer than this are computed in chunks of this many terms, so that the slices of A and B a chunk reads
    /// (at 64 columns, 2 × 48 rows × 256 bytes = 24 KiB) stay in the 32 KiB L1 cache while every tile of C passes
    /// over them. Gradient products Aᵀδ over a whole data set are the long sums.
    /// </summary>
    internal const int SumChunk = 48;

    /// <summary>C = A·B with A m×k (row stride <paramref name="lda"/>), B k×n (<paramref name="ldb"/>), C m×n (<paramref name="ldc"/>).</summary>
    public static void Multiply(int m, int n, int k, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc)
    {
        Check(m, n, k, a, (long)(m - 1) * lda + k, lda >= k, b, ldb, c, ldc);
        Run(m, n, k, ref MemoryMarshal.GetReference(a), lda, 1, ref MemoryMarshal.GetReference(b), ldb,
            ref MemoryMarshal.GetReference(c), ldc, new GemmEpilogues.Store());
    }

    /// <summary>C = Aᵀ·B with A stored k×m (row stride <paramref name="lda"/>), B k×n, C m×n.</summary>
    public static void MultiplyTransposedA(int m, int n, int k, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc)
    {
        Check(m, n, k, a, (long)(k - 1) * lda + m, lda >= m, b, ldb, c, ldc);
        Run(m, n, k, ref MemoryMarshal.GetReference(a), 1, lda, ref MemoryMarshal.GetReference(b), ldb,
            ref MemoryMarshal.GetReference(c), ldc, new GemmEpilogues.Store());
    }

    /// <summary>C += A·B (the sum continues from C's values).</summary>
    public static void MultiplyAdd(int m, int n, int k, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc)
    {
        Check(m, n, k, a, (long)(m - 1) * lda + k, lda >= k, b, ldb, c, ldc);
        Run(m, n, k, ref MemoryMarshal.GetReference(a), lda, 1, ref MemoryMarshal.GetReference(b), ldb,
            ref MemoryMarshal.GetReference(c), ldc, new GemmEpilogues.Accumulate());
    }

    /// <summary>The number of floating-point operations of an m×n×k product, 2·m·n·k (one multiply and one add each).</summary>
    public static long Flops(int m, int n, int k) => 2L * m * n * k;

    private static void Check(int m, int n, int k, ReadOnlySpan<float> a, long aExtent, bool aStrideOk, ReadOnlySpan<float> b, int ldb,
        Span<float> c, int ldc)
    {
        if (m < 0 || n < 0 || k < 0) throw new ArgumentOutOfRangeException(nameof(m), $"shape {m}×{n}×{k} must not be negative");
        if (m == 0 || n == 0) return;
        if (k > 0 && (!aStrideOk || a.Length < aExtent)) throw new ArgumentException($"A is too short ({a.Length}) or its row stride too small for {m}×{n}×{k}");
        if (k > 0 && (ldb < n || b.Length < (long)(k - 1) * ldb + n)) throw new ArgumentException($"B is too short ({b.Length}) or ldb={ldb} < n={n}");
        if (ldc < n || c.Length < (long)(m - 1) * ldc + n) throw new ArgumentException($"C is too short ({c.Length}) or ldc={ldc} < n={n}");
    }

    /// <summary>
    /// The kernel: C[i, j] = finish(start(i, j) + Σ_p A(i, p)·B[p, j]) with A(i, p) = a[i·rowStride + p·columnStride].
    /// No bounds checks: callers own the shapes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Run<TEpilogue>(int m, int n, int k, ref float a, int rowStride, int columnStride, ref float b, int ldb,
        ref float c, int ldc, TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue =>
        RunRows(0, m, n, k, ref a, rowStride, columnStride, ref b, ldb, ref c, ldc, epilogue);

    /// <summary>
    /// As <see cref="Run"/>, with rows of C split into contiguous blocks over up to <paramref name="threads"/> threads
    /// (only when each gets at least 24 rows). Every entry is still its own FMA chain, so the result does not depend
    /// on the number of threads.
    /// </summary>
    internal static void RunParallel<TEpilogue>(int threads, int m, int n, int k, float[] a, int rowStride, int columnStride,
        float[] b, int ldb, float[] c, int ldc, TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue
    {
        int parts = Math.Min(threads, m / 24);
        if (parts <= 1)
        {
            RunRows(0, m, n, k, ref MemoryMarshal.GetArrayDataReference(a), rowStride, columnStride, ref MemoryMarshal.GetArrayDataReference(b), ldb,
                ref MemoryMarshal.GetArrayDataReference(c), ldc, epilogue);
            return;
        }
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            int start = m * part / parts / 6 * 6, end = part == parts - 1 ? m : m * (part + 1) / parts / 6 * 6;
            RunRows(start, end, n, k, ref MemoryMarshal.GetArrayDataReference(a), rowStride, columnStride, ref MemoryMarshal.GetArrayDataReference(b), ldb,
                ref MemoryMarshal.GetArrayDataReference(c), ldc, epilogue);
        });
    }

    /// <summary>Rows [<paramref name="rowStart"/>, <paramref name="rowEnd"/>) of the product; a and c are the whole matrices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void RunRows<TEpilogue>(int rowStart, int rowEnd, int n, int k, ref float a, int rowStride, int columnStride, ref float b, int ldb,
        ref float c, int ldc, TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue
    {
        if (k <= 2 * SumChunk || !TEpilogue.CanSplitSum || n < 8)
        {
            RunTiles(rowStart, rowEnd, n, k, ref a, rowStride, columnStride, ref b, ldb, ref c, ldc, epilogue);
            return;
        }
        for (int p = 0; p < k; p += SumChunk)
        {
            int length = Math.Min(SumChunk, k - p);
            RunTiles(rowStart, rowEnd, n, length, ref Unsafe.Add(ref a, (nint)p * columnStride), rowStride, columnStride, ref Unsafe.Add(ref b, (nint)p * ldb), ldb,
                ref c, ldc, new GemmEpilogues.Chunk<TEpilogue>(epilogue, p == 0, p + length == k));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunTiles<TEpilogue>(int rowStart, int m, int n, int k, ref float a, int rowStride, int columnStride, ref float b, int ldb,
        ref float c, int ldc, TEpilogue epilogue) where TEpilogue : struct, IGemmEpilogue
    {
        // Rows in tiles of 6, the remainder in tiles of 4, 2 and 1; columns in 16s, then 8s, then scalars.
        int i = rowStart;
        for (; i + 6 <= m; i += 6)
        {
            ref float aRows = ref Unsafe.Add(ref a, (nint)i * rowStride);
            int j = 0;
            for (; j + 16 <= n; j += 16) Tile6x16(i, j, k, ref aRows, rowStride, columnStride, ref b, ldb, ref c, ldc, epilogue);
            for (; j + 8 <= n; j += 8)
            {
                Tile4x8(i, j, k, ref aRows, rowStride, columnStride, ref b, ldb, ref c, ldc, epilogue);
                Tile1x8(i + 4, j, k, ref Unsafe.Add(ref aRows, 4 * (nint)rowStride), columnStride, ref b, ldb, ref c, ldc, epilogue);
                Tile1x8(i + 5, j, k, ref Unsafe.Add(ref aRows, 5 * (nint)rowStride), columnStride, ref b, ldb, ref c, ldc, epilogue);
            }
            for (int r = 0; r < 6; r++)
                ScalarTail(i + r, j, n, k, ref Unsafe.Add(ref aRows, (nint)r * rowStride), columnStride, ref b, ldb, ref c, ldc, epilogue);
        }
        for (; i + 4 <= m; i += 4)
        {
            ref float aRows = ref Unsafe.Add(ref a, (nint)i * rowStride);
            int j = 0;
            for (; j + 16 <= n; j += 16) Tile4x16(i, j, k, ref aRows, rowStride, columnStride, ref b, ldb, ref c, ldc, epilogue);
            for (; j + 8 <= n; j += 8) Tile4x8(i, j, k, ref aRows, rowStride, columnStride, ref b, ldb, ref c, ldc, epilogue);
            for (int r = 0; r < 4; r++)
                ScalarTail(i + r, j, n, k, ref Unsafe.Add(ref aRows, (nint)r * rowStride), columnStride, ref b, ldb, ref c, ldc, epilogue);
        }
        for (; i + 2 <= m; i += 2)
        {
            ref float aRows = ref Unsafe.Add(ref a, (nint)i * rowStride);
            int j = 0;
            for (; j + 16 <= n; j += 16) Tile2x16(i, j, k, ref aRows, rowStride, columnStride, ref b, ldb, ref c, ldc, epilogue);
            for (; j + 8 <= n; j += 8)
            {
                Tile1x8(i, j, k, ref aRows, columnStride, ref b, ldb, ref c, ldc, epilogue);
                Tile1x8(i + 1, j, k, ref Unsafe.Add(ref aRows, (nint)rowStride), columnStride, ref b, ldb, ref c, ldc, epilogue);
            }
            for (int r = 0; r < 2; r++)
                ScalarTail(i + r, j, n, k, ref Unsafe.Add(ref aRows, (nint)r * rowStride), columnStride, ref b, ldb, ref c, ldc, epilogue);
        }
        for (; i < m; i++)
        {
            ref float aRow = ref Unsafe.Add(ref a, (nint)i * rowStride);
            int j = 0;
            for (; j + 16 <= n; j += 16) Tile1x16(i, j, k, ref aRow, columnStride, ref b, ldb, ref c, ldc, epilogue);
            for (; j + 8 <= n; j += 8) Tile1x8(i, j, k, ref aRow, columnStride, ref b, ldb, ref c, ldc, epilogue);
            ScalarTail(i, j, n, k, ref aRow, columnStride, ref b, ldb, ref c, ldc, epilogue);
        }
    }

    /// <summary>The main tile: 6 rows × 16 columns, twelve accumulators, two loads of B and six broadcasts per step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile6x16<TEpilogue>(int i, int j, int k, ref float a, int rs, int cs, ref float b, int ldb, ref float c, int ldc,
        TEpilogue e) where TEpilogue : struct, IGemmEpilogue
    {
        ref float c0 = ref Unsafe.Add(ref c, (nint)i * ldc + j);
        ref float c1 = ref Unsafe.Add(ref c0, ldc);
        ref float c2 = ref Unsafe.Add(ref c1, ldc);
        ref float c3 = ref Unsafe.Add(ref c2, ldc);
        ref float c4 = ref Unsafe.Add(ref c3, ldc);
        ref float c5 = ref Unsafe.Add(ref c4, ldc);
        var s00 = e.Start(ref c0, i, j); var s01 = e.Start(ref Unsafe.Add(ref c0, 8), i, j + 8);
        var s10 = e.Start(ref c1, i + 1, j); var s11 = e.Start(ref Unsafe.Add(ref c1, 8), i + 1, j + 8);
        var s20 = e.Start(ref c2, i + 2, j); var s21 = e.Start(ref Unsafe.Add(ref c2, 8), i + 2, j + 8);
        var s30 = e.Start(ref c3, i + 3, j); var s31 = e.Start(ref Unsafe.Add(ref c3, 8), i + 3, j + 8);
        var s40 = e.Start(ref c4, i + 4, j); var s41 = e.Start(ref Unsafe.Add(ref c4, 8), i + 4, j + 8);
        var s50 = e.Start(ref c5, i + 5, j); var s51 = e.Start(ref Unsafe.Add(ref c5, 8), i + 5, j + 8);
        ref float bp = ref Unsafe.Add(ref b, j);
        ref float a0 = ref a;
        ref float a1 = ref Unsafe.Add(ref a, rs);
        ref float a2 = ref Unsafe.Add(ref a, 2 * (nint)rs);
        ref float a3 = ref Unsafe.Add(ref a, 3 * (nint)rs);
        ref float a4 = ref Unsafe.Add(ref a, 4 * (nint)rs);
        ref float a5 = ref Unsafe.Add(ref a, 5 * (nint)rs);
        nint ap = 0;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref bp);
            var b1 = Vector256.LoadUnsafe(ref bp, 8);
            var x = Vector256.Create(Unsafe.Add(ref a0, ap));
            s00 = Vector256.FusedMultiplyAdd(x, b0, s00); s01 = Vector256.FusedMultiplyAdd(x, b1, s01);
            x = Vector256.Create(Unsafe.Add(ref a1, ap));
            s10 = Vector256.FusedMultiplyAdd(x, b0, s10); s11 = Vector256.FusedMultiplyAdd(x, b1, s11);
            x = Vector256.Create(Unsafe.Add(ref a2, ap));
            s20 = Vector256.FusedMultiplyAdd(x, b0, s20); s21 = Vector256.FusedMultiplyAdd(x, b1, s21);
            x = Vector256.Create(Unsafe.Add(ref a3, ap));
            s30 = Vector256.FusedMultiplyAdd(x, b0, s30); s31 = Vector256.FusedMultiplyAdd(x, b1, s31);
            x = Vector256.Create(Unsafe.Add(ref a4, ap));
            s40 = Vector256.FusedMultiplyAdd(x, b0, s40); s41 = Vector256.FusedMultiplyAdd(x, b1, s41);
            x = Vector256.Create(Unsafe.Add(ref a5, ap));
            s50 = Vector256.FusedMultiplyAdd(x, b0, s50); s51 = Vector256.FusedMultiplyAdd(x, b1, s51);
            bp = ref Unsafe.Add(ref bp, ldb);
            ap += cs;
        }
        e.Finish(ref c0, s00, i, j); e.Finish(ref Unsafe.Add(ref c0, 8), s01, i, j + 8);
        e.Finish(ref c1, s10, i + 1, j); e.Finish(ref Unsafe.Add(ref c1, 8), s11, i + 1, j + 8);
        e.Finish(ref c2, s20, i + 2, j); e.Finish(ref Unsafe.Add(ref c2, 8), s21, i + 2, j + 8);
        e.Finish(ref c3, s30, i + 3, j); e.Finish(ref Unsafe.Add(ref c3, 8), s31, i + 3, j + 8);
        e.Finish(ref c4, s40, i + 4, j); e.Finish(ref Unsafe.Add(ref c4, 8), s41, i + 4, j + 8);
        e.Finish(ref c5, s50, i + 5, j); e.Finish(ref Unsafe.Add(ref c5, 8), s51, i + 5, j + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile2x16<TEpilogue>(int i, int j, int k, ref float a, int rs, int cs, ref float b, int ldb, ref float c, int ldc,
        TEpilogue e) where TEpilogue : struct, IGemmEpilogue
    {
        ref float c0 = ref Unsafe.Add(ref c, (nint)i * ldc + j);
        ref float c1 = ref Unsafe.Add(ref c0, ldc);
        var s00 = e.Start(ref c0, i, j); var s01 = e.Start(ref Unsafe.Add(ref c0, 8), i, j + 8);
        var s10 = e.Start(ref c1, i + 1, j); var s11 = e.Start(ref Unsafe.Add(ref c1, 8), i + 1, j + 8);
        ref float bp = ref Unsafe.Add(ref b, j);
        ref float a1 = ref Unsafe.Add(ref a, rs);
        nint ap = 0;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref bp);
            var b1 = Vector256.LoadUnsafe(ref bp, 8);
            var x = Vector256.Create(Unsafe.Add(ref a, ap));
            s00 = Vector256.FusedMultiplyAdd(x, b0, s00); s01 = Vector256.FusedMultiplyAdd(x, b1, s01);
            x = Vector256.Create(Unsafe.Add(ref a1, ap));
            s10 = Vector256.FusedMultiplyAdd(x, b0, s10); s11 = Vector256.FusedMultiplyAdd(x, b1, s11);
            bp = ref Unsafe.Add(ref bp, ldb);
            ap += cs;
        }
        e.Finish(ref c0, s00, i, j); e.Finish(ref Unsafe.Add(ref c0, 8), s01, i, j + 8);
        e.Finish(ref c1, s10, i + 1, j); e.Finish(ref Unsafe.Add(ref c1, 8), s11, i + 1, j + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x16<TEpilogue>(int i, int j, int k, ref float a, int rs, int cs, ref float b, int ldb, ref float c, int ldc,
        TEpilogue e) where TEpilogue : struct, IGemmEpilogue
    {
        ref float c0 = ref Unsafe.Add(ref c, (nint)i * ldc + j);
        ref float c1 = ref Unsafe.Add(ref c0, ldc);
        ref float c2 = ref Unsafe.Add(ref c1, ldc);
        ref float c3 = ref Unsafe.Add(ref c2, ldc);
        var s00 = e.Start(ref c0, i, j); var s01 = e.Start(ref Unsafe.Add(ref c0, 8), i, j + 8);
        var s10 = e.Start(ref c1, i + 1, j); var s11 = e.Start(ref Unsafe.Add(ref c1, 8), i + 1, j + 8);
        var s20 = e.Start(ref c2, i + 2, j); var s21 = e.Start(ref Unsafe.Add(ref c2, 8), i + 2, j + 8);
        var s30 = e.Start(ref c3, i + 3, j); var s31 = e.Start(ref Unsafe.Add(ref c3, 8), i + 3, j + 8);
        ref float bp = ref Unsafe.Add(ref b, j);
        nint r1 = rs, r2 = 2 * (nint)rs, r3 = 3 * (nint)rs, ap = 0;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref bp);
            var b1 = Vector256.LoadUnsafe(ref bp, 8);
            var x = Vector256.Create(Unsafe.Add(ref a, ap));
            s00 = Vector256.FusedMultiplyAdd(x, b0, s00); s01 = Vector256.FusedMultiplyAdd(x, b1, s01);
            x = Vector256.Create(Unsafe.Add(ref a, ap + r1));
            s10 = Vector256.FusedMultiplyAdd(x, b0, s10); s11 = Vector256.FusedMultiplyAdd(x, b1, s11);
            x = Vector256.Create(Unsafe.Add(ref a, ap + r2));
            s20 = Vector256.FusedMultiplyAdd(x, b0, s20); s21 = Vector256.FusedMultiplyAdd(x, b1, s21);
            x = Vector256.Create(Unsafe.Add(ref a, ap + r3));
            s30 = Vector256.FusedMultiplyAdd(x, b0, s30); s31 = Vector256.FusedMultiplyAdd(x, b1, s31);
            bp = ref Unsafe.Add(ref bp, ldb);
            ap += cs;
        }
        e.Finish(ref c0, s00, i, j); e.Finish(ref Unsafe.Add(ref c0, 8), s01, i, j + 8);
        e.Finish(ref c1, s10, i + 1, j); e.Finish(ref Unsafe.Add(ref c1, 8), s11, i + 1, j + 8);
        e.Finish(ref c2, s20, i + 2, j); e.Finish(ref Unsafe.Add(ref c2, 8), s21, i + 2, j + 8);
        e.Finish(ref c3, s30, i + 3, j); e.Finish(ref Unsafe.Add(ref c3, 8), s31, i + 3, j + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile4x8<TEpilogue>(int i, int j, int k, ref float a, int rs, int cs, ref float b, int ldb, ref float c, int ldc,
        TEpilogue e) where TEpilogue : struct, IGemmEpilogue
    {
        ref float c0 = ref Unsafe.Add(ref c, (nint)i * ldc + j);
        ref float c1 = ref Unsafe.Add(ref c0, ldc);
        ref float c2 = ref Unsafe.Add(ref c1, ldc);
        ref float c3 = ref Unsafe.Add(ref c2, ldc);
        var s0 = e.Start(ref c0, i, j); var s1 = e.Start(ref c1, i + 1, j);
        var s2 = e.Start(ref c2, i + 2, j); var s3 = e.Start(ref c3, i + 3, j);
        ref float bp = ref Unsafe.Add(ref b, j);
        nint r1 = rs, r2 = 2 * (nint)rs, r3 = 3 * (nint)rs, ap = 0;
        for (int p = 0; p < k; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref bp);
            s0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, ap)), b0, s0);
            s1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, ap + r1)), b0, s1);
            s2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, ap + r2)), b0, s2);
            s3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, ap + r3)), b0, s3);
            bp = ref Unsafe.Add(ref bp, ldb);
            ap += cs;
        }
        e.Finish(ref c0, s0, i, j); e.Finish(ref c1, s1, i + 1, j);
        e.Finish(ref c2, s2, i + 2, j); e.Finish(ref c3, s3, i + 3, j);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x16<TEpilogue>(int i, int j, int k, ref float a, int cs, ref float b, int ldb, ref float c, int ldc,
        TEpilogue e) where TEpilogue : struct, IGemmEpilogue
    {
        ref float c0 = ref Unsafe.Add(ref c, (nint)i * ldc + j);
        var s0 = e.Start(ref c0, i, j);
        var s1 = e.Start(ref Unsafe.Add(ref c0, 8), i, j + 8);
        ref float bp = ref Unsafe.Add(ref b, j);
        nint ap = 0;
        for (int p = 0; p < k; p++)
        {
            var x = Vector256.Create(Unsafe.Add(ref a, ap));
            s0 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bp), s0);
            s1 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bp, 8), s1);
            bp = ref Unsafe.Add(ref bp, ldb);
            ap += cs;
        }
        e.Finish(ref c0, s0, i, j);
        e.Finish(ref Unsafe.Add(ref c0, 8), s1, i, j + 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile1x8<TEpilogue>(int i, int j, int k, ref float a, int cs, ref float b, int ldb, ref float c, int ldc,
        TEpilogue e) where TEpilogue : struct, IGemmEpilogue
    {
        ref float c0 = ref Unsafe.Add(ref c, (nint)i * ldc + j);
        var s0 = e.Start(ref c0, i, j);
        ref float bp = ref Unsafe.Add(ref b, j);
        nint ap = 0;
        for (int p = 0; p < k; p++)
        {
            s0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a, ap)), Vector256.LoadUnsafe(ref bp), s0);
            bp = ref Unsafe.Add(ref bp, ldb);
            ap += cs;
        }
        e.Finish(ref c0, s0, i, j);
    }

    /// <summary>Columns j … n−1 of row i, one scalar FMA chain each: the same arithmetic as a vector lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScalarTail<TEpilogue>(int i, int j, int n, int k, ref float a, int cs, ref float b, int ldb, ref float c, int ldc,
        TEpilogue e) where TEpilogue : struct, IGemmEpilogue
    {
        for (; j < n; j++)
        {
            ref float cij = ref Unsafe.Add(ref c, (nint)i * ldc + j);
            float s = e.StartScalar(ref cij, i, j);
            nint ap = 0, bp = j;
            for (int p = 0; p < k; p++)
            {
                s = MathF.FusedMultiplyAdd(Unsafe.Add(ref a, ap), Unsafe.Add(ref b, bp), s);
                ap += cs;
                bp += ldb;
            }
            e.FinishScalar(ref cij, s, i, j);
        }
    }
}
