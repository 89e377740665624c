/** LGD state codes the test databases load: Maharashtra (27) and Karnataka (29), to stay fast. */
export const TEST_STATES = [27, 29];
