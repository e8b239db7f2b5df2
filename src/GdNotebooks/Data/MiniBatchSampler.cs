using GdNotebooks.Numerics;

namespace GdNotebooks.Data;

/// <summary>
/// Draws mini-batches of example indices 0 … count − 1 epoch by epoch: each epoch is a fresh seeded shuffle cut into
/// consecutive batches, so every index appears exactly once per epoch; the last batch of an epoch is smaller when the
/// batch size does not divide the count (PyTorch's DataLoader with drop_last=False). Batch size 1 is plain SGD;
/// null or ≥ count is the full batch, returned in order 0 … count − 1 without shuffling.
/// The stream is a pure function of (count, batch size, seed). Not thread-safe.
/// </summary>
public sealed class MiniBatchSampler
{
    private readonly int[] _order;
    private readonly Xoshiro256StarStar _random;
    private int _position;

    public MiniBatchSampler(int count, int? batchSize, int seed)
    {
        if (count <= 0) throw new ArgumentOutOfRangeException(nameof(count), count, "must be positive");
        if (batchSize is <= 0) throw new UsageException($"batch size {batchSize} is out of range; valid: ≥ 1, or full");
        Count = count;
        BatchSize = Math.Min(batchSize ?? count, count);
        _order = new int[count];
        for (int i = 0; i < count; i++) _order[i] = i;
        _random = new Xoshiro256StarStar(seed);
        _position = count;   // so the first call starts epoch 0
        Epoch = -1;
    }

    public int Count { get; }

    /// <summary>The batch size actually used (never more than <see cref="Count"/>).</summary>
    public int BatchSize { get; }

    public bool IsFullBatch => BatchSize == Count;

    /// <summary>⌈Count / BatchSize⌉.</summary>
    public int BatchesPerEpoch => (Count + BatchSize - 1) / BatchSize;

    /// <summary>The epoch (0-based) of the batch last returned by <see cref="Next"/>; −1 before the first call.</summary>
    public int Epoch { get; private set; }

    /// <summary>
    /// The next batch of indices. The span points into the sampler's buffer and is valid until the next call;
    /// copy it to keep it.
    /// </summary>
    public ReadOnlySpan<int> Next()
    {
        if (_position >= Count)
        {
            Epoch++;
            _position = 0;
            if (!IsFullBatch) _random.Shuffle(_order.AsSpan());
        }
        int length = Math.Min(BatchSize, Count - _position);
        var batch = _order.AsSpan(_position, length);
        _position += length;
        return batch;
    }
}
