// Every Mantine style (layered, see first-styles.css), imported by the chunks drawn after sign-in:
// the shell and the password-change page. Vite loads this sheet before either chunk renders.
import '@mantine/core/styles.layer.css';
