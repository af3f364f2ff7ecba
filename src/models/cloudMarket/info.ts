/** The ODD documentation of the cloud market, shown in the Info panel. */
export const info = `# Cloud pricing market

Work in progress: see the model issue for what is still to come.
`;
