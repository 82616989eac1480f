// Overloaded{lambdas…}: one visitor for std::visit from a lambda per
// alternative.  Internal header.
#ifndef HEALTHACT_SRC_CORE_OVERLOADED_HPP_
#define HEALTHACT_SRC_CORE_OVERLOADED_HPP_

namespace healthact {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

}  // namespace healthact

#endif  // HEALTHACT_SRC_CORE_OVERLOADED_HPP_
