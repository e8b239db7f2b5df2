namespace GdNotebooks.Training;

/// <summary>
/// Interim mini-batch order, until the data layer's sampler is wired in (see <see cref="GradientDescent"/>):
/// each epoch is a Fisher–Yates shuffle of 0…n−1 driven by <c>new System.Random(seed)</c> (one generator for the
/// whole run), cut into consecutive batches of the given size, the last one of an epoch possibly smaller;
/// batch k is batch k mod ⌈n/b⌉ of epoch ⌊k/⌈n/b⌉⌋. Batches must be asked for in order 0, 1, 2, ….
/// Allocates only at construction; each batch is a view into the current permutation.
/// </summary>
internal sealed class ShuffledBatchSource
{
    private readonly int[] _order;
    private readonly int _batchSize;
    private readonly int _batchesPerEpoch;
    private readonly Random _random;
    private int _next;

    public ShuffledBatchSource(int count, int batchSize, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _order = new int[count];
        for (int i = 0; i < count; i++) _order[i] = i;
        _batchSize = batchSize;
        _batchesPerEpoch = (count + batchSize - 1) / batchSize;
        _random = new Random(seed);
    }

    /// <summary>The indices of update <paramref name="update"/>'s batch.</summary>
    public ReadOnlyMemory<int> Batch(int update)
    {
        if (update != _next) throw new InvalidOperationException($"batches are drawn in order: expected {_next}, asked for {update}");
        _next++;
        int inEpoch = update % _batchesPerEpoch;
        if (inEpoch == 0) Shuffle();
        int start = inEpoch * _batchSize;
        return _order.AsMemory(start, Math.Min(_batchSize, _order.Length - start));
    }

    private void Shuffle()
    {
        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = _random.Next(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }
    }
}
