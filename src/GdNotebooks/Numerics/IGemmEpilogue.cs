using System.Runtime.Intrinsics;

namespace GdNotebooks.Numerics;

/// <summary>
/// What a <see cref="Gemm"/> tile does before and after its sum for C[row, col … col+7] (or one entry in the scalar
/// tail): the start value of the accumulator and how the finished sum is written back. Implemented by small structs so
/// the JIT specializes and inlines each kernel per epilogue. The scalar and vector forms must do the same IEEE
/// arithmetic so that every entry gets the same bits whichever path computed it.
/// </summary>
internal interface IGemmEpilogue
{
    /// <summary>
    /// Whether a long sum may be computed in chunks that park the partial sum in C (true unless <see cref="Finish"/>
    /// reads C's original value). Parking a float and reloading it does not change the FMA chain, so results are the same.
    /// </summary>
    static abstract bool CanSplitSum { get; }

    Vector256<float> Start(ref float c, int row, int col);
    float StartScalar(ref float c, int row, int col);
    void Finish(ref float c, Vector256<float> sum, int row, int col);
    void FinishScalar(ref float c, float sum, int row, int col);
}
